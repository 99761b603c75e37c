using EjVerkstallda.Worker.Service;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>
/// The service's catch-up decision on the injected clock (issue 11: FakeTimeProvider instead of sleeps), in process: a quarter
/// is run once its reporting day plus <c>RunDelayDays</c> (5) has passed in the kommun's time zone, exactly once, and the
/// clock, not the machine's, decides.
/// </summary>
[TestFixture]
public sealed class CatchUpClockTests
{
    // 2026-10-05 23:30 in Stockholm (CEST): 2026Q3 (E = 2026-09-30) is not yet due; in UTC it is still the 5th as well.
    private static readonly DateTimeOffset EveningOfTheFifth = new(2026, 10, 5, 21, 30, 0, TimeSpan.Zero);

    [Test]
    public async Task RunDueQuarters_ClockCrossesMidnightInStockholm_RunsTheQuarterOnceThenNothing()
    {
        await using var ejv = await InProcessEjv.StartAsync(EveningOfTheFifth, InProcessEjv.Namnd(0, "a", ("FirstQuarter", "2026Q3")));
        var work = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<ServiceWork>(ejv.Services); // as the service wires it

        var before = await work.RunDueQuartersAsync(CancellationToken.None);
        ejv.Clock.Advance(TimeSpan.FromHours(1)); // 00:30 on 2026-10-06 in Stockholm, 22:30 on the 5th in UTC
        var atDue = await work.RunDueQuartersAsync(CancellationToken.None);
        ejv.Clock.Advance(TimeSpan.FromDays(1));
        var after = await work.RunDueQuartersAsync(CancellationToken.None);

        var completed = await ejv.Get<Infrastructure.State.LedgerStore>().CompletedQuartersAsync("a", CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(before, Is.Zero, "2026Q3 is not due on the 5th");
            Assert.That(atDue, Is.EqualTo(1), "due from the 6th in the kommun's time zone, although UTC still says the 5th");
            Assert.That(after, Is.Zero, "a completed quarter is not run again");
            Assert.That(completed, Is.EqualTo(new[] { "2026Q3" }));
        });
    }
}
