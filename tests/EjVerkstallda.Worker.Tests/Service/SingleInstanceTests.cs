using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>With the SQLite state store only one service may run: a second one on the same store refuses to start.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SingleInstanceTests
{
    private ServiceSandbox _box = default!;

    [SetUp]
    public void SetUp() => _box = new ServiceSandbox();

    [TearDown]
    public void TearDown() => _box.Dispose();

    [Test]
    public async Task Service_SecondOnSameSqliteStore_ExitsNonZeroWithOneLine()
    {
        const string clock = "--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z";
        var first = _box.Start(clock);
        Assert.That(await first.WaitForAsync(ServiceSandbox.QuarterlyCheck, TimeSpan.FromSeconds(45)), Is.True, first.ToString());

        var second = _box.Start(clock);
        Assert.That(await second.WaitForExitAsync(TimeSpan.FromSeconds(45)), Is.True, "the second service must not keep running\n" + second);

        Assert.Multiple(() =>
        {
            Assert.That(second.ExitCode, Is.Not.Zero, second.ToString());
            Assert.That(second.ErrorLines, Has.Count.EqualTo(1), second.ToString());
            Assert.That(second.ErrorLines.FirstOrDefault(), Does.Contain("another ejv service is running"));
            Assert.That(second.Lines.Where(l => l.Contains("   at ", StringComparison.Ordinal)), Is.Empty, "one line, no stack trace (defect 16)\n" + second);
            Assert.That(second.Count(ServiceSandbox.QuarterlyCheck), Is.Zero, "the second one did no work");
            Assert.That(first.HasExited, Is.False, "the first one carries on");
        });
    }
}
