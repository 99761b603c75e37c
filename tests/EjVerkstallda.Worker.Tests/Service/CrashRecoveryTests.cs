using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.Service;

/// <summary>
/// A service killed in the middle of a run (outputs written, ledger not yet) finishes the quarter when it is started again,
/// once, with the same result as a run nobody disturbed.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CrashRecoveryTests
{
    private const string Clock = "--Ejv:Testing:ClockStart=2027-01-10T06:00:00Z";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);
    private ServiceSandbox _box = default!;
    private ServiceSandbox _undisturbed = default!;

    [SetUp]
    public void SetUp()
    {
        _box = new ServiceSandbox();
        _undisturbed = new ServiceSandbox();
    }

    [TearDown]
    public void TearDown()
    {
        _box.Dispose();
        _undisturbed.Dispose();
    }

    [Test]
    public async Task Service_KilledAfterOutputs_CompletesTheQuarterOnceWhenRestarted()
    {
        var crashing = _box.Start(Clock, "--Ejv:Testing:PauseAt=after-outputs", "--Ejv:Testing:PauseFor=00:01:00");
        Assert.That(await crashing.WaitForAsync("Fault injection: pausing at after-outputs", Wait), Is.True, crashing.ToString());
        await crashing.CrashAsync();
        var written = _box.Underlag("2026Q4").Root.GetProperty("reports").GetRawText();
        var halfway = await _box.StatusAsync();
        Assert.That(halfway.CompletedQuarters, Is.Empty, "killed before the ledger was written");
        Assert.That(_box.AllDrafts(), Is.Empty);

        var again = _box.Start(Clock);
        var status = await _box.WaitForCompletedAsync(Wait, "2026Q4");
        Assert.That(await again.WaitForAsync(ServiceSandbox.QuarterlyCheck, Wait, count: 2), Is.True, again.ToString());
        await again.TerminateAsync(TimeSpan.FromSeconds(30));
        status = await _box.StatusAsync();

        var reference = await _undisturbed.RunAsync("run", "--quarter", "2026Q4", Clock);
        Assert.That(reference.ExitCode, Is.Zero, reference.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(status.CompletedQuarters, Is.EqualTo(new[] { "2026Q4" }), $"{status}\n{again}");
            Assert.That(status.Succeeded("2026Q4"), Is.EqualTo(1), status.ToString());
            Assert.That(status.SucceededQuarters, Is.EqualTo(new[] { "2026Q4" }));
            Assert.That(_box.Drafts("2026Q4"), Has.Count.EqualTo(1));
            Assert.That(_box.AllDrafts(), Has.Count.EqualTo(1));
            Assert.That(_box.Underlag("2026Q4").Root.GetProperty("reports").GetRawText(), Is.EqualTo(written), "the same IVO ids as the killed run kept");
            Assert.That(WithoutIvoIds(_box.Underlag("2026Q4")), Is.EqualTo(WithoutIvoIds(_undisturbed.Underlag("2026Q4"))),
                "the same reports as an undisturbed run (IVO ids are drawn per state store, so they are compared by shape only)");
        });
    }

    /// <summary>The reports with each IVO identifier replaced by its date-and-T part (the three random digits differ between stores).</summary>
    private static string WithoutIvoIds(Underlag u) =>
        System.Text.RegularExpressions.Regex.Replace(u.Root.GetProperty("reports").GetRawText(), "(\"ivoId\": \"\\d{8}-T)[^\"]*\"", "$1###\"");
}
