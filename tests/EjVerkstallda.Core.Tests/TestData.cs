using System.Globalization;

namespace EjVerkstallda.Core.Tests;

using EjVerkstallda.Core.Beslut;

/// <summary>Small builders shared by the fixtures: dates from text and beslut with only the fields a test cares about.</summary>
internal static class TestData
{
    public static readonly InsatsDefinition Sabo = new("SABO", "Särskilt boende", Lag.SoL, LagrumCodes.Bistand);
    public static readonly InsatsDefinition Hemtjanst = new("HT", "Hemtjänst", Lag.SoL, LagrumCodes.Bistand);
    public static readonly InsatsDefinition Ekbist = new("EKB", "Ekonomiskt bistånd", Lag.SoL, LagrumCodes.EkonomisktBistand);
    public static readonly InsatsDefinition Utover = new("UTO", "Bistånd utöver", Lag.SoL, LagrumCodes.Utover);
    public static readonly InsatsDefinition Kontaktperson = new("LSS4", "Kontaktperson", Lag.LSS, "9.4");
    public static readonly InsatsDefinition Bostad = new("LSS9", "Bostad med särskild service för vuxna", Lag.LSS, "9.9");
    public static readonly InsatsDefinition Daglig = new("LSS10", "Daglig verksamhet", Lag.LSS, "9.10");

    public static IReadOnlyDictionary<string, InsatsDefinition> Katalog { get; } =
        new[] { Sabo, Hemtjanst, Ekbist, Utover, Kontaktperson, Bostad, Daglig }.ToDictionary(i => i.Kod, StringComparer.Ordinal);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? N(string? iso) => iso is null ? null : D(iso);

    public static global::EjVerkstallda.Core.Beslut.Beslut NewBeslut(
        string id,
        string beslutsdatum,
        InsatsDefinition? insats = null,
        string? verkst = null,
        string? avbrott = null,
        string? ater = null,
        string? avslut = null,
        Avslutsorsak? orsak = null,
        Kon? kon = Kon.K,
        bool skyddad = false,
        string person = "P1",
        bool? tackatNej = null) => new()
        {
            Id = id,
            PersonId = person,
            Insats = insats ?? Sabo,
            Beslutsdatum = D(beslutsdatum),
            Verkstallighetsdatum = N(verkst),
            Avbrottsdatum = N(avbrott),
            Aterupptagandedatum = N(ater),
            Avslutsdatum = N(avslut),
            Avslutsorsak = avslut is null ? orsak : orsak ?? Avslutsorsak.Annat,
            TackatNej = tackatNej,
            Fodelsedatum = new DateOnly(1940, 1, 1),
            Kon = kon,
            SkyddadIdentitet = skyddad,
        };
}
