namespace EjVerkstallda.Infrastructure.Documents;

/// <summary>
/// The parts of the tjänsteskrivelse that each nämnd words its own way. Every text may use the placeholders
/// <c>{kvartal}</c> (1-4), <c>{år}</c>, <c>{nämnd}</c> and <c>{upprättad}</c> (the document's date).
/// Lists are empty by default and then take their defaults (<see cref="DefaultSignaturer"/> and so on): .NET options
/// binding appends to a list that already has items, so defaults must not live in the list itself.
/// </summary>
public sealed class TjansteskrivelseOptions
{
    /// <summary>
    /// The diarienummer when <see cref="DiarienummerPerKvartal"/> has none for the quarter. Each quarter's report is an
    /// ärende of its own: keep the default marker (the handläggare sees it in the draft) or use the placeholders.
    /// </summary>
    public string Diarienummer { get; set; } = "[diarienummer]";

    /// <summary>The diarienummer the registrator gave each quarter's ärende, e.g. <c>"2026Q4": "SN 2027/12"</c>.</summary>
    public Dictionary<string, string> DiarienummerPerKvartal { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string DiarienummerFor(string quarter) =>
        DiarienummerPerKvartal.TryGetValue(quarter, out var d) && !string.IsNullOrWhiteSpace(d) ? d : Diarienummer;
    public string Forvaltning { get; set; } = "Socialförvaltningen";
    public string TitelMall { get; set; } = "Rapportering av ej verkställda gynnande beslut, kvartal {kvartal} {år}";

    /// <summary>The numbered points of Förslag till beslut; empty: <see cref="DefaultForslagTillBeslut"/>.</summary>
    public List<string> ForslagTillBeslut { get; set; } = [];

    /// <summary>Who signs; empty: <see cref="DefaultSignaturer"/> (role placeholders, never names).</summary>
    public List<Signatur> Signaturer { get; set; } = [];

    /// <summary>Empty: <see cref="DefaultSandlista"/>.</summary>
    public List<string> Sandlista { get; set; } = [];

    /// <summary>Empty: one point, this tjänsteskrivelse with its date.</summary>
    public List<string> Beslutsunderlag { get; set; } = [];

    public string JamstalldhetText { get; set; } =
        "Förslaget till beslut bedöms inte få konsekvenser som leder till fördelar eller nackdelar för kvinnor/män och flickor/pojkar.";

    /// <summary>A paragraph placed before the generated Sammanfattning; null: none.</summary>
    public string? SammanfattningIntro { get; set; }

    /// <summary>Replaces the generated Ärendebeskrivning (legal basis and anonymity); null: generated.</summary>
    public string? ArendebeskrivningText { get; set; }

    /// <summary>Replaces the paragraph before the four tables; null: generated (how time is counted).</summary>
    public string? TabellerIntro { get; set; }

    /// <summary>A paragraph placed before the generated Bedömning; null: none.</summary>
    public string? BedomningIntro { get; set; }

    /// <summary>Replaces the generated Ekonomiska konsekvenser (särskild avgift); null: generated.</summary>
    public string? EkonomiskaKonsekvenserText { get; set; }

    public static readonly IReadOnlyList<string> DefaultForslagTillBeslut =
    [
        "Rapporten över ej verkställda gynnande beslut för kvartal {kvartal} {år} godkänns.",
        "Rapporten överlämnas till kommunfullmäktige och kommunens revisorer.",
    ];

    public static readonly IReadOnlyList<Signatur> DefaultSignaturer =
    [
        new() { Namn = "[Förvaltningschef]", Titel = "Förvaltningschef" },
        new() { Namn = "[Handläggare]", Titel = "Avgiftshandläggare" },
    ];

    public static readonly IReadOnlyList<string> DefaultSandlista = ["Kommunstyrelsen", "Kommunfullmäktige", "Revisorerna"];

    internal IReadOnlyList<string> EffectiveForslag => ForslagTillBeslut.Count > 0 ? ForslagTillBeslut : DefaultForslagTillBeslut;
    internal IReadOnlyList<Signatur> EffectiveSignaturer => Signaturer.Count > 0 ? Signaturer : DefaultSignaturer;
    internal IReadOnlyList<string> EffectiveSandlista => Sandlista.Count > 0 ? Sandlista : DefaultSandlista;
    internal IReadOnlyList<string> EffectiveBeslutsunderlag => Beslutsunderlag.Count > 0 ? Beslutsunderlag : ["Tjänsteskrivelse {upprättad}"];
}

/// <summary>One signature: a name (or a role placeholder such as <c>[Förvaltningschef]</c>) and a title.</summary>
public sealed class Signatur
{
    public string Namn { get; set; } = "";
    public string Titel { get; set; } = "";
}
