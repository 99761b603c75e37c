namespace EjVerkstallda.Core.Lifecycle;

using EjVerkstallda.Core.Kvartal;
using Kvartal = EjVerkstallda.Core.Kvartal.Kvartal;

/// <summary>
/// The quarter's lifecycle as the law and the nämnd work it (CONTRACT section 4), as pure functions: a run makes a version
/// (or none when the result is unchanged); approval sends it to the nämnd; the nämnd's decision hands it to
/// kommunfullmäktige; a changed result after approval is a correction that is approved again and reaches everyone who had
/// the earlier version. Every illegal step is refused with a line that says what to do.
/// </summary>
public static class LifecycleRules
{
    public const int MaxParagraphLength = 40;

    /// <summary>A real run's result, identified by <paramref name="resultHash"/>: the same result makes no new version.</summary>
    public static LifecycleStep Run(QuarterLifecycle lc, string resultHash, DateTimeOffset now)
    {
        var current = lc.Current;
        if (current is not null && current.ResultHash == resultHash)
            return LifecycleStep.Nothing(lc, current.Version, $"{Name(lc)}: unchanged, still version {current.Version} ({current.State.ToCode()})");
        var number = (current?.Version ?? 0) + 1;
        var after = current is null ? lc : lc.With(current with { State = VersionState.Superseded, SupersededAt = now });
        after = after.With(new QuarterVersion(number, VersionState.Draft, resultHash, now));
        var replaces = after.LastSentBefore(number)?.Version;
        return new LifecycleStep
        {
            After = after, Changed = true, What = replaces is null ? AuditWhat.Version : AuditWhat.Correction,
            FromVersion = current?.Version, ToVersion = number, Replaces = replaces,
            Summary = replaces is null
                ? $"{Name(lc)}: version {number} (draft){(current is null ? "" : $", replaces draft version {current.Version}")}"
                : $"{Name(lc)}: version {number} (draft), a correction of version {replaces}: approve it again to send it as a Rättelse",
        };
    }

    /// <param name="version">The version the approver reviewed; null: the current one.</param>
    /// <param name="earlierUnapproved">An earlier quarter of the nämnd still awaiting approval when approval in order is required.</param>
    public static LifecycleStep Approve(QuarterLifecycle lc, int? version, Actor by, DateTimeOffset now, Kvartal? earlierUnapproved = null)
    {
        if (lc.Current is not { } current) return LifecycleStep.Refuse(lc, NotRun(lc));
        if (version is { } asked && asked != current.Version)
        {
            return LifecycleStep.Refuse(lc, lc.Find(asked) is null
                ? $"{Name(lc)} has no version {asked}; the current version is {current.Version}: see ejv status --namnd {lc.Namnd}"
                : $"{Name(lc)} version {asked} is superseded by version {current.Version} (a later run changed the result); review version {current.Version} and approve it: {ApproveCommand(lc)}");
        }
        if (current.State != VersionState.Draft)
            return LifecycleStep.Nothing(lc, current.Version, $"{Name(lc)}: version {current.Version} is already approved by {current.Approval?.By.DisplayName} at {current.Approval?.At:yyyy-MM-ddTHH:mm:ssZ}; nothing is sent again");
        if (earlierUnapproved is { } earlier)
            return LifecycleStep.Refuse(lc, $"{lc.Namnd} {earlier} is not approved yet: quarters are approved in order (Ejv:Lifecycle:ApproveInOrder); approve {earlier} first: ejv approve --quarter {earlier} --namnd {lc.Namnd}");
        var had = lc.Versions.Where(v => v.Version < current.Version).SelectMany(v => lc.ReceivedBy(v.Version)).ToHashSet();
        var replaces = lc.LastSentBefore(current.Version)?.Version;
        var sends = new List<Send> { new(Role.Namnd, had.Contains(Role.Namnd) ? Purpose.Rattelse : Purpose.ForNamnd) };
        sends.AddRange(new[] { Role.Fullmaktige, Role.Revisorer }.Where(had.Contains).Select(r => new Send(r, Purpose.Rattelse)));
        sends.Add(new Send(Role.Revisorer, Purpose.PerCase));
        return new LifecycleStep
        {
            After = lc.With(current with { State = VersionState.Approved, Approval = new VersionApproval(by, now) }),
            Changed = true, What = AuditWhat.Approve, FromVersion = replaces, ToVersion = current.Version, Replaces = replaces, Sends = sends,
            Summary = $"{Name(lc)}: version {current.Version} approved by {by.DisplayName}; " + (replaces is null
                ? "the statistikrapport goes to the nämnd; kommunfullmäktige gets it after the nämnd's decision"
                : $"sent as a Rättelse of version {replaces} to {string.Join(", ", sends.Where(s => s.Purpose == Purpose.Rattelse).Select(s => s.To.ToCode()))}"),
        };
    }

    /// <param name="kommun">The kommun's dates (<see cref="KommunTid"/>): a decision is dated neither in the future nor before the day its version was approved.</param>
    public static LifecycleStep Decide(QuarterLifecycle lc, DateOnly date, string paragraph, Actor by, DateTimeOffset now, KommunTid kommun)
    {
        ArgumentNullException.ThrowIfNull(kommun);
        var today = kommun.DateOf(now);
        if (lc.Current is not { } current) return LifecycleStep.Refuse(lc, NotRun(lc));
        var p = (paragraph ?? "").Trim();
        if (p.Length is 0 or > MaxParagraphLength || p.Any(char.IsControl))
            return LifecycleStep.Refuse(lc, $"give the paragraph of the nämnd's protocol, 1-{MaxParagraphLength} characters, e.g. --paragraph \"§ 45\"");
        if (date <= lc.Quarter.ReportingDay || date > today)
            return LifecycleStep.Refuse(lc, $"the decision's date {date:yyyy-MM-dd} must be after the quarter's end ({lc.Quarter.ReportingDay:yyyy-MM-dd}) and not after today ({today:yyyy-MM-dd}); give the date of the nämnd's meeting");
        if (current.State == VersionState.Draft)
            return LifecycleStep.Refuse(lc, $"{Name(lc)} version {current.Version} is a draft: approve it first ({ApproveCommand(lc)}), then record the nämnd's decision");
        if (current.Decision is { } done)
        {
            return done.Date == date && done.Paragraph == p
                ? LifecycleStep.Nothing(lc, current.Version, $"{Name(lc)}: version {current.Version} is already recorded as decided on {date:yyyy-MM-dd} {p}; nothing is sent again")
                : LifecycleStep.Refuse(lc, $"{Name(lc)} version {current.Version} is already decided on {done.Date:yyyy-MM-dd} ({done.Paragraph}); a decision is recorded once. If the result changed, run the quarter again: the correction gets its own approval and decision");
        }
        if (current.Approval is { } approval && date < kommun.DateOf(approval.At))
            return LifecycleStep.Refuse(lc, BeforeApproval(lc, current.Version, date, kommun.DateOf(approval.At)));
        return new LifecycleStep
        {
            After = lc.With(current with { State = VersionState.Decided, Decision = new NamndDecision(date, p, by, now) }),
            Changed = true, What = AuditWhat.Decision, FromVersion = current.Version, ToVersion = current.Version,
            Sends = [new Send(Role.Fullmaktige, Purpose.Decided), new Send(Role.Revisorer, Purpose.Decided)],
            Summary = $"{Name(lc)}: version {current.Version} decided on {date:yyyy-MM-dd} {p} (recorded by {by.DisplayName}); the statistikrapport goes to kommunfullmäktige and the revisorer",
        };
    }

    /// <summary>The earliest quarter before <paramref name="quarter"/> whose current version still awaits approval; null when none.</summary>
    public static Kvartal? EarlierUnapproved(IEnumerable<QuarterLifecycle> all, Kvartal quarter) =>
        NextToApprove(all.Where(l => l.Quarter < quarter));

    /// <summary>
    /// The quarter to approve next: the earliest whose current version awaits approval, which may be approved whether or not
    /// quarters are approved in order; null when none awaits approval.
    /// </summary>
    public static Kvartal? NextToApprove(IEnumerable<QuarterLifecycle> all) =>
        all.Where(l => l.AwaitsApproval).Select(l => (Kvartal?)l.Quarter).Min();

    /// <summary>The nämnd can decide only on a version it has received: not before the day it was approved and sent to it.</summary>
    private static string BeforeApproval(QuarterLifecycle lc, int version, DateOnly date, DateOnly approved)
    {
        var replaced = lc.LastSentBefore(version) is { } earlier
            ? $"; version {version} replaced version {earlier.Version}: a decision on version {earlier.Version} is not a decision on the correction"
            : "";
        return $"{Name(lc)}: the decision's date {date:yyyy-MM-dd} is before version {version} was approved ({approved:yyyy-MM-dd}), so the nämnd cannot have decided on it{replaced}; " +
            $"give the date of the nämnd's meeting that decided on version {version}: {approved:yyyy-MM-dd} or later";
    }

    private static string Name(QuarterLifecycle lc) => $"{lc.Namnd} {lc.Quarter}";

    private static string NotRun(QuarterLifecycle lc) =>
        $"{Name(lc)} has not been run; run it first: ejv run --quarter {lc.Quarter} --namnd {lc.Namnd}";

    private static string ApproveCommand(QuarterLifecycle lc) => $"ejv approve --quarter {lc.Quarter} --namnd {lc.Namnd}";
}
