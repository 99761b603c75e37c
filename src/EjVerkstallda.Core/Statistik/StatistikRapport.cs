namespace EjVerkstallda.Core.Statistik;

/// <summary>
/// The anonymised numbers of the statistikrapport to kommunfullmäktige. Built only from coded values:
/// counts, approved public insats names (never the catalogue's text, see <see cref="PublicInsatsNamn"/>), month bands and the quarter's own dates. No id, no date of a beslut, no free text.
/// </summary>
public sealed record StatistikRapport
{
    public required string Quarter { get; init; }
    public required DateOnly ReportingDay { get; init; }
    public required string Namnd { get; init; }
    public required string NamndNamn { get; init; }
    public required StatistikTotals Totals { get; init; }

    /// <summary>Labels of the elapsed-time bands, in the order of <see cref="StatistikRad.PerBand"/>.</summary>
    public required IReadOnlyList<string> Bands { get; init; }

    /// <summary>One section per lag and kind, SoL before LSS, ej verkställda before avbrott; empty ones included, saying zero.</summary>
    public required IReadOnlyList<StatistikSektion> Sektioner { get; init; }

    /// <summary>Open cases at the end of earlier quarters that were run, oldest first, and this quarter last.</summary>
    public required IReadOnlyList<TrendPoint> Trend { get; init; }

    /// <summary>The reporting paragraphs that apply to this quarter's beslut, e.g. <c>28 f–h §§ LSS</c>.</summary>
    public required IReadOnlyList<string> Rapporteringsparagrafer { get; init; }

    /// <summary>Open beslut by kön, only when <see cref="KonRule"/> allows it (cells and change from the last published one); else null.</summary>
    public KonFordelning? Kon { get; init; }

    /// <summary>Why <see cref="Kon"/> is left out: <see cref="KonRule.LitenGrupp"/> or <see cref="KonRule.LitenForandring"/>; null when shown.</summary>
    public string? KonUtelamnad { get; init; }

    /// <summary>The latest quarter whose published kön breakdown this one was compared with (this quarter for a correction); null when there was none.</summary>
    public string? KonJamfordMed { get; init; }

    /// <summary>k: the smallest count an optional breakdown may show.</summary>
    public required int MinCellSize { get; init; }
}

public sealed record StatistikTotals(int Open, int Ny, int Kvarstar, int Verkstallda, int Avslutade, int Late, int OpenSoL, int OpenLss);

public sealed record StatistikSektion(string Lag, string Kind, int Antal, IReadOnlyList<StatistikRad> Rader);

/// <summary>One insats type: how many open beslut, and how many fall in each elapsed-time band.</summary>
public sealed record StatistikRad(string Insats, int Antal, IReadOnlyList<int> PerBand);

public sealed record TrendPoint(string Quarter, int Open);

public sealed record KonFordelning(int Kvinnor, int Man);
