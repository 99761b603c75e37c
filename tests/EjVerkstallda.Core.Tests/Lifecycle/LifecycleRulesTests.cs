namespace EjVerkstallda.Core.Tests.Lifecycle;

using EjVerkstallda.Core.Lifecycle;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>
/// Every state of a quarter's lifecycle against every action, worked out by hand from CONTRACT section 4: the outcome is
/// "refused: ..." (the line's start), "nothing" (repeated: nothing written, nothing sent), or the current version, its
/// state, the version it corrects and what is sent.
/// </summary>
[TestFixture]
public sealed class LifecycleRulesTests
{
    private static readonly Kvartal Q = Kvartal.Parse("2024Q1");
    private static readonly DateTimeOffset T0 = new(2024, 4, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = new(2024, 5, 20, 8, 0, 0, TimeSpan.Zero);
    private static readonly EjVerkstallda.Core.Kvartal.KommunTid Kommun = EjVerkstallda.Core.Kvartal.KommunTid.Stockholm;
    private static readonly DateOnly Meeting = new(2024, 4, 24);
    private static readonly Actor Anna = new("kommun\\anna", "Anna Andersson", Actor.FromOs);

    private static QuarterVersion V(int n, VersionState s, string hash = "h1") => new(n, s, hash, T0)
    {
        Approval = s is VersionState.Draft ? null : new VersionApproval(Anna, T0),
        Decision = s is VersionState.Decided ? new NamndDecision(Meeting, "§ 45", Anna, T0) : null,
    };

    /// <summary>The states: each a list of versions, oldest first.</summary>
    private static QuarterLifecycle State(string name) => new("sn", Q, name switch
    {
        "none" => [],
        "v1 draft" => [V(1, VersionState.Draft)],
        "v1 approved" => [V(1, VersionState.Approved)],
        "v1 decided" => [V(1, VersionState.Decided)],
        "v1 draft, v2 draft" => [V(1, VersionState.Draft) with { State = VersionState.Superseded }, V(2, VersionState.Draft, "h2")],
        "v1 approved, v2 draft" => [V(1, VersionState.Approved) with { State = VersionState.Superseded }, V(2, VersionState.Draft, "h2")],
        "v1 decided, v2 draft" => [V(1, VersionState.Decided) with { State = VersionState.Superseded }, V(2, VersionState.Draft, "h2")],
        "v1 decided, v2 approved" => [V(1, VersionState.Decided) with { State = VersionState.Superseded }, V(2, VersionState.Approved, "h2")],
        "v1 decided, v2 decided" => [V(1, VersionState.Decided) with { State = VersionState.Superseded }, V(2, VersionState.Decided, "h2")],
        _ => throw new ArgumentException(name),
    });

    private static LifecycleStep Act(QuarterLifecycle lc, string action) => action switch
    {
        "run same" => LifecycleRules.Run(lc, lc.Current?.ResultHash ?? "h1", Now),
        "run changed" => LifecycleRules.Run(lc, "h9", Now),
        "approve" => LifecycleRules.Approve(lc, null, Anna, Now),
        "approve current" => LifecycleRules.Approve(lc, lc.Current?.Version ?? 1, Anna, Now),
        "approve v1" => LifecycleRules.Approve(lc, 1, Anna, Now),
        "approve v9" => LifecycleRules.Approve(lc, 9, Anna, Now),
        "approve, 2023Q4 unapproved" => LifecycleRules.Approve(lc, null, Anna, Now, Kvartal.Parse("2023Q4")),
        "decide" => LifecycleRules.Decide(lc, new DateOnly(2024, 5, 15), "§ 61", Anna, Now, Kommun),
        "decide same" => LifecycleRules.Decide(lc, Meeting, "§ 45", Anna, Now, Kommun),
        _ => throw new ArgumentException(action),
    };

    private static string Outcome(LifecycleStep s)
    {
        if (s.IsRefused) return "refused: " + s.Refusal;
        if (!s.Changed) return "nothing";
        var c = s.After.Current!;
        var sends = string.Join(",", s.Sends.Select(x => $"{x.To.ToCode()}:{x.Purpose}"));
        return $"v{c.Version} {c.State.ToCode()}{(s.Replaces is { } r ? $" corrects v{r}" : "")}{(sends.Length > 0 ? " sends " + sends : "")}";
    }

    private const string NotRun = "refused: sn 2024Q1 has not been run; run it first";
    private const string Superseded = "refused: sn 2024Q1 version 1 is superseded by version 2";
    private const string NoV9 = "refused: sn 2024Q1 has no version 9";
    private const string InOrder = "refused: sn 2023Q4 is not approved yet";
    private const string DraftFirst = "refused: sn 2024Q1 version {0} is a draft: approve it first";
    private const string DecidedOnce = "refused: sn 2024Q1 version {0} is already decided on";
    private const string ToNamnd = "sends namnd:ForNamnd,revisorer:PerCase";

    // state, action, expected outcome (prefix)
    [TestCase("none", "run same", "v1 draft")]
    [TestCase("none", "run changed", "v1 draft")]
    [TestCase("none", "approve", NotRun)]
    [TestCase("none", "approve current", NotRun)]
    [TestCase("none", "approve v1", NotRun)]
    [TestCase("none", "approve v9", NotRun)]
    [TestCase("none", "approve, 2023Q4 unapproved", NotRun)]
    [TestCase("none", "decide", NotRun)]
    [TestCase("none", "decide same", NotRun)]
    [TestCase("v1 draft", "run same", "nothing")]
    [TestCase("v1 draft", "run changed", "v2 draft")]
    [TestCase("v1 draft", "approve", "v1 approved " + ToNamnd)]
    [TestCase("v1 draft", "approve current", "v1 approved " + ToNamnd)]
    [TestCase("v1 draft", "approve v1", "v1 approved " + ToNamnd)]
    [TestCase("v1 draft", "approve v9", NoV9)]
    [TestCase("v1 draft", "approve, 2023Q4 unapproved", InOrder)]
    [TestCase("v1 draft", "decide", "refused: sn 2024Q1 version 1 is a draft: approve it first")]
    [TestCase("v1 draft", "decide same", "refused: sn 2024Q1 version 1 is a draft: approve it first")]
    [TestCase("v1 approved", "run same", "nothing")]
    [TestCase("v1 approved", "run changed", "v2 draft corrects v1")]
    [TestCase("v1 approved", "approve", "nothing")]
    [TestCase("v1 approved", "approve current", "nothing")]
    [TestCase("v1 approved", "approve v1", "nothing")]
    [TestCase("v1 approved", "approve v9", NoV9)]
    [TestCase("v1 approved", "approve, 2023Q4 unapproved", "nothing")]
    [TestCase("v1 approved", "decide", "v1 decided sends fullmaktige:Decided,revisorer:Decided")]
    [TestCase("v1 approved", "decide same", "v1 decided sends fullmaktige:Decided,revisorer:Decided")]
    [TestCase("v1 decided", "run same", "nothing")]
    [TestCase("v1 decided", "run changed", "v2 draft corrects v1")]
    [TestCase("v1 decided", "approve", "nothing")]
    [TestCase("v1 decided", "approve current", "nothing")]
    [TestCase("v1 decided", "approve v1", "nothing")]
    [TestCase("v1 decided", "approve v9", NoV9)]
    [TestCase("v1 decided", "approve, 2023Q4 unapproved", "nothing")]
    [TestCase("v1 decided", "decide", "refused: sn 2024Q1 version 1 is already decided on 2024-04-24 (§ 45)")]
    [TestCase("v1 decided", "decide same", "nothing")]
    [TestCase("v1 draft, v2 draft", "run same", "nothing")]
    [TestCase("v1 draft, v2 draft", "run changed", "v3 draft")]
    [TestCase("v1 draft, v2 draft", "approve", "v2 approved " + ToNamnd)]
    [TestCase("v1 draft, v2 draft", "approve current", "v2 approved " + ToNamnd)]
    [TestCase("v1 draft, v2 draft", "approve v1", Superseded)]
    [TestCase("v1 draft, v2 draft", "approve v9", NoV9)]
    [TestCase("v1 draft, v2 draft", "approve, 2023Q4 unapproved", InOrder)]
    [TestCase("v1 draft, v2 draft", "decide", "refused: sn 2024Q1 version 2 is a draft: approve it first")]
    [TestCase("v1 draft, v2 draft", "decide same", "refused: sn 2024Q1 version 2 is a draft: approve it first")]
    [TestCase("v1 approved, v2 draft", "run same", "nothing")]
    [TestCase("v1 approved, v2 draft", "run changed", "v3 draft corrects v1")]
    [TestCase("v1 approved, v2 draft", "approve", "v2 approved corrects v1 sends namnd:Rattelse,revisorer:PerCase")]
    [TestCase("v1 approved, v2 draft", "approve current", "v2 approved corrects v1 sends namnd:Rattelse,revisorer:PerCase")]
    [TestCase("v1 approved, v2 draft", "approve v1", Superseded)]
    [TestCase("v1 approved, v2 draft", "approve v9", NoV9)]
    [TestCase("v1 approved, v2 draft", "approve, 2023Q4 unapproved", InOrder)]
    [TestCase("v1 approved, v2 draft", "decide", "refused: sn 2024Q1 version 2 is a draft: approve it first")]
    [TestCase("v1 approved, v2 draft", "decide same", "refused: sn 2024Q1 version 2 is a draft: approve it first")]
    [TestCase("v1 decided, v2 draft", "run same", "nothing")]
    [TestCase("v1 decided, v2 draft", "run changed", "v3 draft corrects v1")]
    [TestCase("v1 decided, v2 draft", "approve", "v2 approved corrects v1 sends namnd:Rattelse,fullmaktige:Rattelse,revisorer:Rattelse,revisorer:PerCase")]
    [TestCase("v1 decided, v2 draft", "approve current", "v2 approved corrects v1 sends namnd:Rattelse,fullmaktige:Rattelse,revisorer:Rattelse,revisorer:PerCase")]
    [TestCase("v1 decided, v2 draft", "approve v1", Superseded)]
    [TestCase("v1 decided, v2 draft", "approve v9", NoV9)]
    [TestCase("v1 decided, v2 draft", "approve, 2023Q4 unapproved", InOrder)]
    [TestCase("v1 decided, v2 draft", "decide", "refused: sn 2024Q1 version 2 is a draft: approve it first")]
    [TestCase("v1 decided, v2 draft", "decide same", "refused: sn 2024Q1 version 2 is a draft: approve it first")]
    [TestCase("v1 decided, v2 approved", "run same", "nothing")]
    [TestCase("v1 decided, v2 approved", "run changed", "v3 draft corrects v2")]
    [TestCase("v1 decided, v2 approved", "approve", "nothing")]
    [TestCase("v1 decided, v2 approved", "approve current", "nothing")]
    [TestCase("v1 decided, v2 approved", "approve v1", Superseded)]
    [TestCase("v1 decided, v2 approved", "approve v9", NoV9)]
    [TestCase("v1 decided, v2 approved", "approve, 2023Q4 unapproved", "nothing")]
    [TestCase("v1 decided, v2 approved", "decide", "v2 decided sends fullmaktige:Decided,revisorer:Decided")]
    [TestCase("v1 decided, v2 approved", "decide same", "v2 decided sends fullmaktige:Decided,revisorer:Decided")]
    [TestCase("v1 decided, v2 decided", "run same", "nothing")]
    [TestCase("v1 decided, v2 decided", "run changed", "v3 draft corrects v2")]
    [TestCase("v1 decided, v2 decided", "approve", "nothing")]
    [TestCase("v1 decided, v2 decided", "approve v1", Superseded)]
    [TestCase("v1 decided, v2 decided", "decide", "refused: sn 2024Q1 version 2 is already decided on 2024-04-24 (§ 45)")]
    [TestCase("v1 decided, v2 decided", "decide same", "nothing")]
    public void Action_InState_GivesTheWorkedOutOutcome(string state, string action, string expected)
    {
        var step = Act(State(state), action);
        Assert.That(Outcome(step), Does.StartWith(expected));
        if (!step.Changed) Assert.That(step.After, Is.EqualTo(State(state)).Using<QuarterLifecycle>(Same), "a refused or repeated action changes nothing");
        if (step.Changed) Assert.That(step.What, Is.Not.Null, "every change is an audit event");
    }

    private static bool Same(QuarterLifecycle a, QuarterLifecycle b) => a.Versions.SequenceEqual(b.Versions);

    [Test]
    public void Run_ChangedAfterApproval_SupersedesTheOldVersionAndKeepsItsApproval()
    {
        var step = LifecycleRules.Run(State("v1 approved"), "h9", Now);
        var v1 = step.After.Find(1)!;
        Assert.That(v1.State, Is.EqualTo(VersionState.Superseded));
        Assert.That(v1.SupersededAt, Is.EqualTo(Now));
        Assert.That(v1.Approval!.By, Is.EqualTo(Anna), "the earlier approval stays on record");
        Assert.That(step.What, Is.EqualTo(AuditWhat.Correction));
        Assert.That((step.FromVersion, step.ToVersion), Is.EqualTo(((int?)1, (int?)2)));
    }

    [Test]
    public void Approve_Draft_RecordsWhoAndWhen()
    {
        var step = LifecycleRules.Approve(State("v1 draft"), null, Anna, Now);
        Assert.That(step.After.Current!.Approval, Is.EqualTo(new VersionApproval(Anna, Now)));
        Assert.That(step.Sends.Select(s => s.To), Does.Not.Contain(Role.Fullmaktige), "nothing to fullmäktige before the nämnd's decision");
    }

    [Test]
    public void Decide_Approved_RecordsTheDecision()
    {
        var step = LifecycleRules.Decide(State("v1 approved"), Meeting, "  § 45 ", Anna, Now, Kommun);
        Assert.That(step.After.Current!.Decision, Is.EqualTo(new NamndDecision(Meeting, "§ 45", Anna, Now)));
    }

    [TestCase("2024-03-31", "§ 45", "must be after the quarter's end (2024-03-31)")]
    [TestCase("2024-05-21", "§ 45", "and not after today (2024-05-20)")]
    [TestCase("2024-04-24", "", "give the paragraph")]
    [TestCase("2024-04-24", "  ", "give the paragraph")]
    [TestCase("2024-04-24", "§ 45\n§ 46", "give the paragraph")]
    [TestCase("2024-04-24", "§ 456789012345678901234567890123456789012", "give the paragraph")]
    public void Decide_BadDateOrParagraph_IsRefused(string date, string paragraph, string reason)
    {
        var step = LifecycleRules.Decide(State("v1 approved"), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), paragraph, Anna, Now, Kommun);
        Assert.That(step.Refusal, Does.Contain(reason));
    }

    /// <summary>
    /// The nämnd decides on a version it has received: not before the day it was approved (in the kommun's time zone; an
    /// approval at 23:30 UTC on 2024-05-09 is 2024-05-10 in Stockholm). The same day is allowed (approved in the morning,
    /// decided at the afternoon's meeting).
    /// </summary>
    [TestCase("2024-05-10T06:00:00Z", "2024-05-09", "before version 1 was approved (2024-05-10)")]
    [TestCase("2024-05-09T23:30:00Z", "2024-05-09", "before version 1 was approved (2024-05-10)")]
    [TestCase("2024-05-10T06:00:00Z", "2024-04-01", "give the date of the nämnd's meeting that decided on version 1: 2024-05-10 or later")]
    [TestCase("2024-05-10T06:00:00Z", "2024-05-10", null)]
    [TestCase("2024-05-09T21:59:00Z", "2024-05-09", null)]
    [TestCase("2024-05-10T06:00:00Z", "2024-05-20", null)]
    public void Decide_DateAgainstTheApprovalDay_NotBeforeIt(string approvedAt, string date, string? refusal)
    {
        var at = DateTimeOffset.Parse(approvedAt, System.Globalization.CultureInfo.InvariantCulture);
        var lc = new QuarterLifecycle("sn", Q, [V(1, VersionState.Approved) with { Approval = new VersionApproval(Anna, at) }]);
        var step = LifecycleRules.Decide(lc, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "§ 61", Anna, Now, Kommun);
        if (refusal is null) Assert.That((step.IsRefused, step.After.Current!.State), Is.EqualTo((false, VersionState.Decided)), step.Refusal);
        else Assert.That(step.Refusal, Does.StartWith("sn 2024Q1: the decision's date " + date).And.Contain(refusal));
    }

    /// <summary>
    /// The nämnd decided on version 1 (approved 2024-04-10, meeting 2024-04-24) while a correction was made; version 2 was
    /// approved on 2024-05-02. The decision of 2024-04-24 was on version 1, which the nämnd no longer has before it: it cannot
    /// be recorded for version 2; the refusal says so and that the nämnd decides on the correction.
    /// </summary>
    [Test]
    public void Decide_OnACorrectionApprovedAfterTheMeeting_IsRefused_TheCorrectionNeedsItsOwnDecision()
    {
        var v1 = V(1, VersionState.Superseded) with { Approval = new VersionApproval(Anna, new DateTimeOffset(2024, 4, 10, 8, 0, 0, TimeSpan.Zero)) };
        var v2 = V(2, VersionState.Approved, "h2") with { Approval = new VersionApproval(Anna, new DateTimeOffset(2024, 5, 2, 8, 0, 0, TimeSpan.Zero)) };
        var lc = new QuarterLifecycle("sn", Q, [v1, v2]);
        var step = LifecycleRules.Decide(lc, Meeting, "§ 45", Anna, Now, Kommun);
        Assert.That(step.Refusal, Does.Contain("before version 2 was approved (2024-05-02)")
            .And.Contain("version 2 replaced version 1: a decision on version 1 is not a decision on the correction"));
        Assert.That(LifecycleRules.Decide(lc, new DateOnly(2024, 5, 15), "§ 61", Anna, Now, Kommun).After.Current!.Decision!.Date, Is.EqualTo(new DateOnly(2024, 5, 15)));
    }

    [Test]
    public void EarlierUnapproved_OnlyDraftsBeforeTheQuarter_TheEarliest()
    {
        QuarterLifecycle L(string q, VersionState s) => new("sn", Kvartal.Parse(q), [V(1, s)]);
        var all = new[] { L("2023Q3", VersionState.Decided), L("2023Q4", VersionState.Draft), L("2023Q2", VersionState.Draft), L("2024Q2", VersionState.Draft) };
        Assert.That(LifecycleRules.EarlierUnapproved(all, Q), Is.EqualTo(Kvartal.Parse("2023Q2")));
        Assert.That(LifecycleRules.EarlierUnapproved(all, Kvartal.Parse("2023Q2")), Is.Null);
    }

    [Test]
    public void ReceivedBy_CorrectionApprovedAfterADecision_ReachesEveryoneWhoHadTheEarlierVersion()
    {
        var lc = State("v1 decided, v2 approved");
        Assert.That(lc.ReceivedBy(1), Is.EquivalentTo(new[] { Role.Namnd, Role.Fullmaktige, Role.Revisorer }));
        Assert.That(lc.ReceivedBy(2), Is.EquivalentTo(new[] { Role.Namnd, Role.Fullmaktige, Role.Revisorer }));
        Assert.That(State("v1 approved, v2 draft").ReceivedBy(1), Is.EquivalentTo(new[] { Role.Namnd }));
        Assert.That(State("v1 approved, v2 draft").ReceivedBy(2), Is.Empty);
    }

    [Test]
    public void Approve_CorrectionOfALegacyApproval_ReachesAllThreeWhoGotItBeforeTheLifecycle()
    {
        var legacy = new Actor("Anna Andersson", "Anna Andersson", VersionApproval.LegacySource);
        var lc = new QuarterLifecycle("sn", Q, [V(1, VersionState.Superseded) with { Approval = new VersionApproval(legacy, T0) }, V(2, VersionState.Draft, "h2")]);
        var step = LifecycleRules.Approve(lc, null, Anna, Now);
        Assert.That(step.Sends.Where(s => s.Purpose == Purpose.Rattelse).Select(s => s.To), Is.EquivalentTo(new[] { Role.Namnd, Role.Fullmaktige, Role.Revisorer }));
    }
}
