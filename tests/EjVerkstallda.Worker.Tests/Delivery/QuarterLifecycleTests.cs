using System.Text.Json;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// The quarter's lifecycle through the real SMTP relay (CONTRACT section 4): approval by the OS account sends the
/// statistikrapport to the nämnd only; the nämnd's decision sends it, with date and paragraph, to kommunfullmäktige and the
/// revisorer; a changed case system makes version 2, approved again and sent as "Rättelse" exactly once to everyone who had
/// version 1; a run that changes nothing makes no version.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class QuarterLifecycleTests
{
    private const string Namnd = "registrator.socialnamnden@exempelkommun.example";
    private const string Kf = "registrator.kf@exempelkommun.example";
    private const string Revisorer = "revisorerna@exempelkommun.example";
    private DeliveryWorld _world = default!;

    [SetUp]
    public void SetUp() => _world = new DeliveryWorld();

    [TearDown]
    public void TearDown() => _world.Dispose();

    private async Task Ok(params string[] args)
    {
        var r = await _world.Ejv(args);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    private async Task ApproveBeforeTheMeeting()
    {
        var r = await _world.EjvWith(["approve", "--quarter", "2024Q1"], DeliveryWorld.ApprovedBeforeTheMeeting);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    private int To(string address) => _world.ReceivedBy(address).Count;

    [Test]
    public async Task ApproveThenDecide_NamndFirst_FullmaktigeOnlyAfterTheDecision_EachOnce()
    {
        await Ok("run", "--quarter", "2024Q1");
        await ApproveBeforeTheMeeting();
        Assert.That((To(Namnd), To(Kf), To(Revisorer)), Is.EqualTo((1, 0, 0)), "approval: the nämnd's registrator only; nothing to fullmäktige before the decision");

        await Ok("decision", "--quarter", "2024Q1", "--date", "2024-04-24", "--paragraph", "§ 45", "--by", "Nämndsekreterare Test");
        await Ok("decision", "--quarter", "2024Q1", "--date", "2024-04-24", "--paragraph", "§ 45");
        Assert.That((To(Namnd), To(Kf), To(Revisorer)), Is.EqualTo((1, 1, 1)), "the decision: fullmäktige and revisorer, once however often it is recorded");
        foreach (var m in _world.ReceivedBy(Kf).Concat(_world.ReceivedBy(Revisorer)))
        {
            Assert.That(m.DecodedHeader("Subject"), Does.Contain("nämndens beslut 2024-04-24 § 45"));
            Assert.That(DeliveryWorld.Body(m), Does.Contain("Nämnden beslutade 2024-04-24 (§ 45) att överlämna rapporten till kommunfullmäktige"));
            QuarterDeliveryTests.AssertNothingConfidential(DeliveryWorld.Body(m));
        }

        var q = await QuarterStatusAsync();
        Assert.That(q.GetProperty("state").GetString(), Is.EqualTo("decided"));
        var v1 = q.GetProperty("versions")[0];
        Assert.That(v1.GetProperty("approvedBy").GetProperty("id").GetString(), Is.EqualTo(Environment.UserName), "the OS account is the identity");
        Assert.That(v1.GetProperty("approvedBy").GetProperty("source").GetString(), Is.EqualTo("os"));
        Assert.That(v1.GetProperty("decidedBy").GetProperty("displayName").GetString(), Is.EqualTo("Nämndsekreterare Test"), "--by is the name shown");
        Assert.That(v1.GetProperty("decisionParagraph").GetString(), Is.EqualTo("§ 45"));
        Assert.That(q.GetProperty("revisorer").GetString(), Is.EqualTo("inte levererat (none)"), "no channel configured: recorded as not delivered");
    }

    [Test]
    public async Task DecideBeforeApproval_IsRefusedWithWhatToDo_NothingSent()
    {
        await Ok("run", "--quarter", "2024Q1");
        var r = await _world.Ejv("decision", "--quarter", "2024Q1", "--date", "2024-04-24", "--paragraph", "§ 45");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("is a draft: approve it first (ejv approve --quarter 2024Q1 --namnd socialnamnden)"));
        Assert.That((To(Namnd), To(Kf), To(Revisorer)), Is.EqualTo((0, 0, 0)));
    }

    [Test]
    public async Task DecisionDatedBeforeTheApproval_IsRefusedWithTheEarliestDate_NothingSent()
    {
        await Ok("run", "--quarter", "2024Q1");
        var approve = await _world.EjvWith(["approve", "--quarter", "2024Q1"], "--Ejv:Testing:ClockStart=2024-05-10T08:00:00Z");
        Assert.That(approve.ExitCode, Is.Zero, approve.ToString());
        var r = await _world.Ejv("decision", "--quarter", "2024Q1", "--date", "2024-04-24", "--paragraph", "§ 45");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("the decision's date 2024-04-24 is before version 1 was approved (2024-05-10)").And.Contain("2024-05-10 or later"));
        Assert.That((To(Namnd), To(Kf), To(Revisorer)), Is.EqualTo((1, 0, 0)), "the approval's mail to the nämnd only");
        Assert.That((await QuarterStatusAsync()).GetProperty("state").GetString(), Is.EqualTo("approved"), "no decision recorded");
    }

    [Test]
    public async Task CorrectedQuarter_ApprovedAgain_RattelseOnceToEveryoneWhoHadVersion1()
    {
        await Ok("run", "--quarter", "2024Q1");
        await ApproveBeforeTheMeeting();
        await Ok("decision", "--quarter", "2024Q1", "--date", "2024-04-24", "--paragraph", "§ 45");
        // A case registered late in the case system: one more SoL beslut not verkställt within three months.
        _world.Cases.Add("B-1004", "P-4", "SABO", "2023-10-02", fodd: "1950-05-05", kon: "K");

        await Ok("run", "--quarter", "2024Q1");
        var drafts = _world.ReceivedBy(DeliveryWorld.Handlaggare);
        Assert.That(drafts, Has.Count.EqualTo(2));
        Assert.That(drafts[1].DecodedHeader("Subject"), Does.StartWith("Utkast till rättelse (version 2)"));
        Assert.That(DeliveryWorld.Body(drafts[1]), Does.Contain("Ej verkställda beslut vid kvartalets slut: 3 → 4"));
        Assert.That((To(Namnd), To(Kf), To(Revisorer)), Is.EqualTo((1, 1, 1)), "a draft goes to the handläggare only");

        await Ok("approve", "--quarter", "2024Q1");
        await Ok("approve", "--quarter", "2024Q1");
        Assert.That((To(Namnd), To(Kf), To(Revisorer)), Is.EqualTo((2, 2, 2)), "version 2 once to each who had version 1");
        foreach (var m in new[] { Namnd, Kf, Revisorer }.Select(a => _world.ReceivedBy(a)[1]))
        {
            Assert.That(m.DecodedHeader("Subject"), Does.StartWith("Rättelse: ").And.EndWith("(version 2 ersätter version 1)"));
            var body = DeliveryWorld.Body(m);
            Assert.That(body, Does.Contain("Ej verkställda beslut vid kvartalets slut: 3 → 4").And.Contain("varav enligt SoL: 2 → 3"));
            Assert.That(body, Does.Not.Contain("B-100"), "counts, never cases");
            QuarterDeliveryTests.AssertNothingConfidential(body);
        }

        await Ok("run", "--quarter", "2024Q1");
        var q = await QuarterStatusAsync();
        Assert.That(q.GetProperty("version").GetInt32(), Is.EqualTo(2), "an unchanged run makes no version 3");
        Assert.That(q.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("state").GetString()), Is.EqualTo(new[] { "superseded", "approved" }));
        Assert.That(_world.ReceivedBy(DeliveryWorld.Handlaggare), Has.Count.EqualTo(2), "and no new draft");
    }

    [Test]
    public async Task ApproveSupersededVersion_IsRefused_CurrentNamed()
    {
        await Ok("run", "--quarter", "2024Q1");
        _world.Cases.Add("B-1004", "P-4", "SABO", "2023-10-02", fodd: "1950-05-05", kon: "K");
        await Ok("run", "--quarter", "2024Q1");
        var r = await _world.Ejv("approve", "--quarter", "2024Q1", "--version", "1");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.ToString());
        Assert.That(r.Stderr, Does.Contain("version 1 is superseded by version 2"));
        Assert.That(To(Namnd), Is.Zero);
    }

    [Test]
    public async Task Draft_WithAWebFrontEnd_LinksToTheQuarterPageInsteadOfCommands()
    {
        var run = await _world.EjvWith(["run", "--quarter", "2024Q1"], "--Ejv:Web:PublicUrl=https://ejv.kommun.example/");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var body = DeliveryWorld.Body(_world.ReceivedBy(DeliveryWorld.Handlaggare).Single());
        Assert.That(body, Does.Contain("Godkänn och registrera beslutet på kvartalets sida: https://ejv.kommun.example/namnd/socialnamnden/kvartal/2024Q1"));
        Assert.That(body, Does.Contain("Nästa steg:").And.Contain("Nämnden beslutar om rapporten"));
        Assert.That(body, Does.Not.Contain("ejv approve").And.Not.Contain("ejv ivo submitted").And.Not.Contain("ejv decision"), "no shell commands where the page serves");
    }

    [Test]
    public async Task Status_AfterApproval_ShowsVersionStateWhoAndWhatWasSent()
    {
        await Ok("run", "--quarter", "2024Q1");
        await Ok("approve", "--quarter", "2024Q1", "--by", "Anna Andersson");
        var body = DeliveryWorld.Body(_world.ReceivedBy(DeliveryWorld.Handlaggare).Single());
        Assert.That(body, Does.Contain("ejv approve --quarter 2024Q1 --namnd socialnamnden").And.Contain("ejv decision --quarter 2024Q1"), "without a web front end: the commands");

        var status = await _world.Ejv("status");
        Assert.That(status.ExitCode, Is.Zero, status.ToString());
        Assert.That(status.Stdout, Does.Contain("2024Q1 version 1 approved; revisorer: inte levererat (none)"));
        Assert.That(status.Stdout, Does.Contain($"approved by Anna Andersson ({Environment.UserName}, os)"));
        Assert.That(status.Stdout, Does.Contain("namnd (namnd): sent"));
        Assert.That(status.Stdout, Does.Contain("Awaiting approval: none"));
    }

    private async Task<JsonElement> QuarterStatusAsync()
    {
        var r = await _world.Ejv("status", "--json");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        return JsonDocument.Parse(r.Stdout).RootElement.GetProperty("namnder")[0].GetProperty("quarters")[0].Clone();
    }
}
