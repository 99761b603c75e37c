using EjVerkstallda.Core.Anonymity;
using EjVerkstallda.Core.Beslut;
using BeslutRecord = EjVerkstallda.Core.Beslut.Beslut;
using KvartalRecord = EjVerkstallda.Core.Kvartal.Kvartal;

namespace EjVerkstallda.Core.Tests.Anonymity;

/// <summary>
/// Issue 12 (public insats names), defence in depth: the case system's catalogue text (<c>ejv_insats.benamning</c>) is free
/// text, so a public document that prints one which is not an approved public name is stopped, whatever printed it.
/// </summary>
public class CatalogueNameGuardTests
{
    private static readonly KvartalRecord Q = new(2024, 2);
    private const string Leaky = "Kontaktfamilj hos familjen Andersson på Storgatan 5";

    private static BeslutRecord Beslut(string id, InsatsDefinition insats) => new()
    {
        Id = id, PersonId = "P-" + id, Insats = insats, Beslutsdatum = new DateOnly(2024, 1, 15),
    };

    private static AnonymityContext Context(params string[] approvedNames) => AnonymityContext.ForRun(Q, new DateOnly(2024, 7, 3),
        [Beslut("B-1", new("KFAM", Leaky, Lag.SoL, LagrumCodes.Bistand)), Beslut("B-2", new("SABO", "Särskilt boende", Lag.SoL, LagrumCodes.Bistand))],
        [], approvedNames);

    [Test]
    public void Check_TextWithUnapprovedCatalogueName_IsStopped()
    {
        var result = AnonymityGuard.Check($"Typ av insats: {Leaky} 1", Context("Särskilt boende", "Övriga insatser enligt SoL"));
        Assert.That(result.Violations.Select(v => v.Category), Does.Contain("benamning"), result.ToString());
    }

    [Test]
    public void Check_CatalogueNameThatIsTheApprovedName_Passes()
    {
        var result = AnonymityGuard.Check("Typ av insats: Särskilt boende 2, Övriga insatser enligt SoL 1", Context("Särskilt boende", "Övriga insatser enligt SoL"));
        Assert.That(result.IsClean, Is.True, result.ToString());
    }

    [Test]
    public void Check_ApprovedCatalogueNameNotGivenAsApproved_IsStopped()
    {
        // "Särskilt boende" is printed, but this run approved no name for SABO: the benämning itself may not be printed.
        var result = AnonymityGuard.Check("Typ av insats: Särskilt boende 2", Context("Övriga insatser enligt SoL"));
        Assert.That(result.Violations.Select(v => v.Category), Does.Contain("benamning"), result.ToString());
    }
}
