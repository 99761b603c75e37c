using System.Text.Json;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// CONTRACT section 4, IVO window: a quarter's IVO reports are open, closing (within RemindDaysBefore, 7 by default) or
/// overdue (the window has closed with reports not marked entered), and status, status --json, the reminders and the draft
/// say so. 2024Q1's window is 2024-04-01 to 2024-04-30. The day is set with Ejv:Testing:ClockStart.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class IvoWindowStateTests
{
    private DeliveryWorld _world = default!;

    [SetUp]
    public void SetUp() => _world = new DeliveryWorld();

    [TearDown]
    public void TearDown() => _world.Dispose();

    private static string Clock(string day) => $"--Ejv:Testing:ClockStart={day}T08:00:00Z";

    private async Task<JsonElement?> WindowOn(string day) => await WindowAt($"{day}T08:00:00Z");

    private async Task<JsonElement?> WindowAt(string instant)
    {
        var r = await _world.EjvWith(["status", "--json"], $"--Ejv:Testing:ClockStart={instant}");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var quarters = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("namnder")[0].GetProperty("ivoNotSubmitted").EnumerateArray().ToList();
        return quarters.Count == 0 ? null : quarters.Single().GetProperty("ivoWindow");
    }

    [Test]
    public async Task Status_BeforeNearAndAfterTheWindowCloses_IsOpenClosingOverdue()
    {
        var run = await _world.EjvWith(["run", "--quarter", "2024Q1"], Clock("2024-04-10"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());

        Assert.That((await WindowOn("2024-04-10"))!.Value.GetProperty("state").GetString(), Is.EqualTo("open"));
        Assert.That((await WindowOn("2024-04-23"))!.Value.GetProperty("state").GetString(), Is.EqualTo("closing"));
        Assert.That((await WindowAt("2024-04-30T21:30:00Z"))!.Value.GetProperty("state").GetString(), Is.EqualTo("closing"), "23:30 in Stockholm");
        Assert.That((await WindowAt("2024-04-30T22:30:00Z"))!.Value.GetProperty("state").GetString(), Is.EqualTo("overdue"),
            "00:30 on 1 May in Stockholm: the window has closed, whatever UTC says");
        var overdue = (await WindowOn("2024-05-02"))!.Value;
        Assert.That((overdue.GetProperty("state").GetString(), overdue.GetProperty("closes").GetString(), overdue.GetProperty("unsubmitted").GetInt32()),
            Is.EqualTo(("overdue", "2024-04-30", 3)));
        var text = await _world.EjvWith(["status"], Clock("2024-05-02"));
        Assert.That(text.Stdout, Does.Contain("2024Q1: 3 report(s), of which 0 closing; OVERDUE: IVO window closed 2024-04-30"), text.ToString());

        var marked = await _world.EjvWith(["ivo", "submitted", "--quarter", "2024Q1", "--all", "--by", "Handläggare Test"], Clock("2024-05-02"));
        Assert.That(marked.ExitCode, Is.Zero, marked.ToString());
        Assert.That(await WindowOn("2024-05-02"), Is.Null, "nothing owed once entered");
    }

    [Test]
    public async Task Remind_AfterTheWindowClosed_SendsOneOverdueReminder()
    {
        var run = await _world.EjvWith(["run", "--quarter", "2024Q1"], Clock("2024-04-10"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var before = _world.Received().Count;

        var remind = await _world.EjvWith(["remind"], Clock("2024-05-02"));
        var again = await _world.EjvWith(["remind"], Clock("2024-05-03"));

        Assert.That((remind.ExitCode, again.ExitCode), Is.EqualTo((0, 0)), $"{remind}\n{again}");
        var reminders = _world.ReceivedBy(DeliveryWorld.Handlaggare).Skip(1).ToList();
        Assert.That(_world.Received().Count - before, Is.EqualTo(1), remind.ToString());
        Assert.That(reminders, Has.Count.EqualTo(1));
        Assert.That(reminders[0].DecodedHeader("Subject"), Does.StartWith("Försenat: IVO-rapporter kvartal 1 2024"));
        var body = DeliveryWorld.Body(reminders[0]);
        Assert.That(body, Does.Contain("IVO:s fönster för kvartalet stängde 2024-04-30"));
        Assert.That(body, Does.Contain("3 rapport(er)"));
        QuarterDeliveryTests.AssertNothingConfidential(body);
    }

    [Test]
    public async Task Run_DraftMailedAfterTheWindowClosed_SaysTheReportsAreOverdue()
    {
        var run = await _world.EjvWith(["run", "--quarter", "2024Q1"], Clock("2024-05-10"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());

        var body = DeliveryWorld.Body(_world.ReceivedBy(DeliveryWorld.Handlaggare).Single());
        Assert.That(body, Does.Not.Contain("Sista dag: 2024-04-30"));
        Assert.That(body, Does.Contain("IVO:s fönster för kvartalet stängde 2024-04-30"), body);
    }

    /// <summary>"02-29" is the last day of February: in 2027 (a common year) the Q4 window closes 2027-02-28, and the run works.</summary>
    [Test]
    public async Task Run_WindowClosesFebruary29InACommonYear_LastDayIsFebruary28()
    {
        string[] windows =
        [
            "--Ejv:Ivo:Windows:0:Opens=04-01", "--Ejv:Ivo:Windows:0:Closes=04-30", "--Ejv:Ivo:Windows:1:Opens=07-01", "--Ejv:Ivo:Windows:1:Closes=08-31",
            "--Ejv:Ivo:Windows:2:Opens=10-01", "--Ejv:Ivo:Windows:2:Closes=10-31", "--Ejv:Ivo:Windows:3:Opens=01-01", "--Ejv:Ivo:Windows:3:Closes=02-29",
        ];
        _world.Cases.Add("B-2001", "P-21", "SABO", "2026-08-03", fodd: "1950-03-03", kon: "K");

        var run = await _world.EjvWith(["run", "--quarter", "2026Q4"], [Clock("2027-01-10"), .. windows]);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var body = DeliveryWorld.Body(_world.ReceivedBy(DeliveryWorld.Handlaggare).Single());
        Assert.That(body, Does.Contain("Sista dag: 2027-02-28"), body);
    }
}
