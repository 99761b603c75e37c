using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>
/// The service decides from the ledger what is owed: after downtime it runs each missed quarter once, oldest first; after a
/// restart, or when a quarter was run by hand, it runs nothing again. The clock is shifted past a quarter end with
/// Ejv:Testing:ClockStart and the quarterly check polls every 2 seconds.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CatchUpServiceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);
    private ServiceSandbox _box = default!;

    [SetUp]
    public void SetUp() => _box = new ServiceSandbox();

    [TearDown]
    public void TearDown() => _box.Dispose();

    [Test]
    public async Task Service_DownOverThreeQuarterEnds_RunsEachQuarterOnceAndNotAgainAfterRestart()
    {
        string[] config = ["--Ejv:Namnder:0:FirstQuarter=2026Q2", "--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z"];
        string[] quarters = ["2026Q2", "2026Q3", "2026Q4"];
        var first = _box.Start(config);

        var status = await _box.WaitForCompletedAsync(Wait, quarters);
        Assert.That(status.CompletedQuarters, Is.EqualTo(quarters), $"{status}\n{first}");
        Assert.That(await first.WaitForAsync(ServiceSandbox.QuarterlyCheck, Wait, count: 2), Is.True, first.ToString());
        Assert.That(await first.TerminateAsync(TimeSpan.FromSeconds(30)), Is.True, "SIGTERM stops the service");
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var drafts = _box.AllDrafts();

        var second = _box.Start(config);
        Assert.That(await second.WaitForAsync(ServiceSandbox.QuarterlyCheck, Wait, count: 3), Is.True, second.ToString());
        await second.TerminateAsync(TimeSpan.FromSeconds(30));

        status = await _box.StatusAsync();
        Assert.Multiple(() =>
        {
            Assert.That(status.CompletedQuarters, Is.EqualTo(quarters));
            Assert.That(status.SucceededQuarters, Is.EqualTo(quarters), "one succeeded run per quarter, none after the restart");
            Assert.That(status.Runs, Has.Count.EqualTo(3), status.ToString());
            foreach (var q in quarters) Assert.That(_box.Drafts(q), Has.Count.EqualTo(1), $"one draft for {q}");
            Assert.That(_box.AllDrafts(), Is.EquivalentTo(drafts), "no new draft after the restart");
            Assert.That(second.Count("0 quarter(s) due, 0 run"), Is.EqualTo(second.Count(ServiceSandbox.QuarterlyCheck)), second.ToString());
        });
        Assert.That((_box.Underlag("2026Q3").Report("B-2").Str("status"), _box.Underlag("2026Q4").Report("B-2").Str("status")),
            Is.EqualTo(("ny", "verkstalld")), "each quarter ran, in order");
    }

    [Test]
    public async Task Service_QuarterAlreadyRunByHand_DoesNotRunItAgain()
    {
        const string clock = "--Ejv:Testing:ClockStart=2027-04-10T06:00:00Z";
        var byHand = await _box.RunAsync("run", "--quarter", "2027Q1", clock);
        Assert.That(byHand.ExitCode, Is.Zero, byHand.ToString());
        var before = await _box.StatusAsync();
        Assert.That(before.CompletedQuarters, Is.EqualTo(new[] { "2027Q1" }), before.ToString());

        var service = _box.Start(clock);
        Assert.That(await service.WaitForAsync(ServiceSandbox.QuarterlyCheck, Wait, count: 3), Is.True, service.ToString());
        await service.TerminateAsync(TimeSpan.FromSeconds(30));

        var after = await _box.StatusAsync();
        Assert.Multiple(() =>
        {
            Assert.That(after.CompletedQuarters, Is.EqualTo(new[] { "2027Q1" }));
            Assert.That(after.Runs, Is.EqualTo(before.Runs), "the service started no run");
            Assert.That(service.Count("0 quarter(s) due, 0 run"), Is.EqualTo(service.Count(ServiceSandbox.QuarterlyCheck)), service.ToString());
            Assert.That(_box.AllDrafts().Count, Is.LessThanOrEqualTo(1));
            Assert.That(_box.AllDrafts().All(d => Path.GetFileName(d).StartsWith("draft.socialnamnden.2027Q1.", StringComparison.Ordinal)), Is.True);
        });
    }

    /// <summary>
    /// A service once started with its clock in 2030 completed 2029Q4. Back on the right clock (2027-01-10), that quarter has
    /// not ended: it does not block the real catch-up, which runs 2026Q4.
    /// </summary>
    [Test]
    public async Task Service_QuarterCompletedUnderAWrongClock_DoesNotBlockTheRealOnes()
    {
        var wrong = _box.Start("--Ejv:Testing:ClockStart=2030-02-10T06:00:00Z");
        var status = await _box.WaitForCompletedAsync(Wait, "2029Q4");
        await wrong.TerminateAsync(TimeSpan.FromSeconds(30));
        Assert.That(status.CompletedQuarters, Is.EqualTo(new[] { "2029Q4" }), $"{status}\n{wrong}");

        var right = _box.Start("--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z");
        status = await _box.WaitForCompletedAsync(Wait, "2026Q4");
        Assert.That(await right.WaitForAsync(ServiceSandbox.QuarterlyCheck, Wait, count: 2), Is.True, right.ToString());
        await right.TerminateAsync(TimeSpan.FromSeconds(30));

        Assert.That(status.CompletedQuarters, Is.EqualTo(new[] { "2026Q4", "2029Q4" }), $"{status}\n{right}");
        Assert.That(_box.Drafts("2026Q4"), Has.Count.EqualTo(1));
    }
}
