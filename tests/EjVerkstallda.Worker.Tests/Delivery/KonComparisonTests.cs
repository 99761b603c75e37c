using System.Text.Json;

namespace EjVerkstallda.Worker.Tests.Delivery;

/// <summary>
/// The kön breakdown is compared with what was published (approved and sent), not with a draft that was never sent
/// (README "Anonymity"; issue 12). k = 1 here (Ejv:Rules:MinCellSize), so a change is too small exactly when one group
/// changed and another did not: the difference would then tell the newcomers' kön.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class KonComparisonTests
{
    private const string K1 = "--Ejv:Rules:MinCellSize=1";
    private DeliveryWorld _world = default!;

    [SetUp]
    public void SetUp() => _world = new DeliveryWorld();

    [TearDown]
    public void TearDown() => _world.Dispose();

    private async Task Ok(params string[] args)
    {
        var r = await _world.EjvWith(args, K1);
        Assert.That(r.ExitCode, Is.Zero, r.ToString());
    }

    private JsonElement Statistik(string quarter) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_world.Dir, "out", DeliveryWorld.Namnd, quarter, "statistikrapport.json"))).RootElement.Clone();

    private static (int, int) Kon(JsonElement s) => (s.GetProperty("kon").GetProperty("kvinnor").GetInt32(), s.GetProperty("kon").GetProperty("man").GetInt32());

    /// <summary>
    /// 2024Q1 version 1 (1 kvinna, 2 män) is approved: the nämnd has it. A late registration makes version 2 (2 kvinnor, 2 män), a
    /// draft never approved. 2024Q2 has 1 kvinna and 3 män: against the draft both groups changed (−1, +1), against what the
    /// nämnd received only the män did (+1): published, it would say the newcomer is a man.
    /// </summary>
    [Test]
    public async Task Run_EarlierQuartersLatestVersionIsAnUnsentDraft_ComparesWithTheApprovedVersion()
    {
        await Ok("run", "--quarter", "2024Q1");
        Assert.That(Kon(Statistik("2024Q1")), Is.EqualTo((1, 2)));
        await Ok("approve", "--quarter", "2024Q1");

        // A woman open at 2024Q1's end, verkställd in 2024Q2; a man whose deadline passes in 2024Q2.
        _world.Cases.Add("B-1004", "P-4", "SABO", "2023-10-02", verk: "2024-05-02", fodd: "1950-05-05", kon: "K");
        _world.Cases.Add("B-1005", "P-5", "SABO", "2024-02-01", fodd: "1952-06-06", kon: "M");
        await Ok("run", "--quarter", "2024Q1");
        Assert.That(Statistik("2024Q1").GetProperty("totals").GetProperty("open").GetInt32(), Is.EqualTo(4), "version 2, a draft: 2 kvinnor, 2 män");

        await Ok("run", "--quarter", "2024Q2");
        var q2 = Statistik("2024Q2");
        Assert.That(q2.GetProperty("totals").GetProperty("open").GetInt32(), Is.EqualTo(4), "1 kvinna and 3 män open");
        Assert.That(q2.GetProperty("kon").ValueKind, Is.EqualTo(JsonValueKind.Null), "the change from the published 1 K / 2 M is +1 man only");
        Assert.That(q2.GetProperty("konUtelamnad").GetString(), Is.EqualTo("liten_forandring"));
    }

    /// <summary>
    /// A correction is compared with the version the recipients had: 2024Q1 version 1 (1 kvinna, 2 män) is approved; version 2
    /// has one more kvinna (2, 2). Its Rättelse would show the difference, +1 kvinna and no man: the newcomer's kön.
    /// </summary>
    [Test]
    public async Task Run_CorrectionOfAnApprovedVersion_ComparesWithTheVersionSent()
    {
        await Ok("run", "--quarter", "2024Q1");
        Assert.That(Kon(Statistik("2024Q1")), Is.EqualTo((1, 2)));
        await Ok("approve", "--quarter", "2024Q1");
        _world.Cases.Add("B-1004", "P-4", "SABO", "2023-10-02", fodd: "1950-05-05", kon: "K");

        await Ok("run", "--quarter", "2024Q1");
        var v2 = Statistik("2024Q1");
        Assert.That(v2.GetProperty("totals").GetProperty("open").GetInt32(), Is.EqualTo(4), "version 2");
        Assert.That(v2.GetProperty("kon").ValueKind, Is.EqualTo(JsonValueKind.Null), "+1 kvinna, no man, against the version sent");
        Assert.That(v2.GetProperty("konUtelamnad").GetString(), Is.EqualTo("liten_forandring"));
    }
}
