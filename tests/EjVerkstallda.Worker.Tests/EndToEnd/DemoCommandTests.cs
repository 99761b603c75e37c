using System.Text.Json;
using EjVerkstallda.Worker.Tests.Support;

namespace EjVerkstallda.Worker.Tests.EndToEnd;

[TestFixture]
public sealed class DemoCommandTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = EjvProcess.TempFolder();

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Demo_FreshFolder_WritesOutputsAndReportsWhereTheyAre()
    {
        var r = await EjvProcess.RunAsync(_dir, "demo", "--quarter", "2026Q3");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var folder = Path.Combine(_dir, "demo", "out", "socialnamnden", "2026Q3");
        Assert.That(r.Stdout, Does.Contain(folder));
        var underlag = Underlag.Read(Path.Combine(_dir, "demo", "out"), "socialnamnden", "2026Q3");
        var statuses = underlag.Reports.Select(x => x.GetProperty("status").GetString()).ToHashSet();
        Assert.That(statuses, Is.SupersetOf(new[] { "ny", "kvarstar", "verkstalld" }), "history makes every status appear");
        Assert.That(underlag.Reports.Any(x => x.GetProperty("late").GetBoolean()), Is.True, "late registrations are flagged");
        Assert.That(underlag.Reports.Any(x => x.GetProperty("kind").GetString() == "avbrott"), Is.True);
        Assert.That(underlag.Reports.Select(x => x.GetProperty("lag").GetString()).Distinct(), Is.EquivalentTo(new[] { "SoL", "LSS" }));
        Assert.That(underlag.DataQuality, Has.Count.GreaterThanOrEqualTo(4));
        using var stat = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "statistikrapport.json")));
        Assert.That(stat.RootElement.GetProperty("totals").GetProperty("open").GetInt32(),
            Is.EqualTo(underlag.Reports.Count(x => x.GetProperty("status").GetString() is "ny" or "kvarstar")));
    }

    /// <summary>
    /// The demo's "Next:" line names an approval that works as printed: quarters are approved in order
    /// (Ejv:Lifecycle:ApproveInOrder), so it is the first quarter awaiting approval (2025Q4 of the demo's 2025Q4-2026Q3), not
    /// the last one run.
    /// </summary>
    [Test]
    public async Task Demo_NextStepsApproveCommand_SucceedsAsPrinted()
    {
        var demo = await EjvProcess.RunAsync(_dir, "demo", "--quarter", "2026Q3");
        Assert.That(demo.ExitCode, Is.Zero, demo.ToString());
        var next = demo.Stdout.Split('\n').Single(l => l.StartsWith("Next: ", StringComparison.Ordinal));
        var approve = next["Next: ".Length..].Split(" | ").Single(c => c.StartsWith("ejv approve ", StringComparison.Ordinal));
        Assert.That(approve, Does.Contain("--quarter 2025Q4"), "the first quarter awaiting approval");

        var r = await EjvProcess.RunAsync(_dir, Words(approve).Skip(1).ToArray());
        Assert.That(r.ExitCode, Is.Zero, $"{approve}\n{r}");
        Assert.That(r.Stdout, Does.Contain("socialnamnden 2025Q4: version 1 approved by Ditt namn"));
    }

    /// <summary>A printed command line split as a shell would: words, and "..." as one word without the quotes.</summary>
    private static IEnumerable<string> Words(string line) =>
        System.Text.RegularExpressions.Regex.Matches(line, "\"([^\"]*)\"|(\\S+)").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

    [Test]
    public async Task Demo_TwiceInARow_GivesTheSameReports()
    {
        await EjvProcess.RunAsync(_dir, "demo", "--quarter", "2026Q3");
        var first = Underlag.Read(Path.Combine(_dir, "demo", "out"), "socialnamnden", "2026Q3").Reports
            .Select(x => (x.GetProperty("beslutId").GetString(), x.GetProperty("status").GetString())).ToList();
        var r = await EjvProcess.RunAsync(_dir, "demo", "--quarter", "2026Q3");
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
        var second = Underlag.Read(Path.Combine(_dir, "demo", "out"), "socialnamnden", "2026Q3").Reports
            .Select(x => (x.GetProperty("beslutId").GetString(), x.GetProperty("status").GetString())).ToList();
        Assert.That(second, Is.EqualTo(first));
    }
}
