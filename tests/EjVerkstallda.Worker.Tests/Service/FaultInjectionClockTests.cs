using EjVerkstallda.Worker.Runs;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>A fault-injection pause runs on the injected clock: in process, moving the fake clock ends it.</summary>
[TestFixture]
public sealed class FaultInjectionClockTests
{
    [Test]
    public async Task PointAsync_PausedPoint_EndsWhenTheClockPassesPauseFor()
    {
        await using var ejv = await InProcessEjv.StartAsync(new DateTimeOffset(2027, 1, 10, 6, 0, 0, TimeSpan.Zero), new Dictionary<string, string?>
        {
            ["Ejv:Testing:PauseAt"] = FaultInjection.BeforeSend,
            ["Ejv:Testing:PauseFor"] = "01:00:00",
        });
        var faults = ejv.Get<FaultInjection>();

        var paused = faults.PointAsync(FaultInjection.BeforeSend, CancellationToken.None);
        var other = faults.PointAsync(FaultInjection.AfterSend, CancellationToken.None);
        ejv.Clock.Advance(TimeSpan.FromMinutes(59));
        var stillPaused = !paused.IsCompleted;
        ejv.Clock.Advance(TimeSpan.FromMinutes(1));
        await paused.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(other.IsCompletedSuccessfully, Is.True, "another point does not pause");
            Assert.That(stillPaused, Is.True, "paused until PauseFor has passed on the clock");
            Assert.That(paused.IsCompletedSuccessfully, Is.True);
        });
    }
}
