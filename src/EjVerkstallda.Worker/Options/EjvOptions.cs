using EjVerkstallda.Infrastructure.CaseSource;

namespace EjVerkstallda.Worker.Options;

/// <summary>The <c>Ejv</c> configuration section. Every key is documented in README "Configuration".</summary>
public sealed class EjvOptions
{
    public const string Section = "Ejv";

    public CaseSourceOptions Source { get; set; } = new();
    public StateOptions State { get; set; } = new();
    public OutputOptions Output { get; set; } = new();
    public RulesOptions Rules { get; set; } = new();
    public StatistikSectionOptions Statistik { get; set; } = new();
    public MailOptions Mail { get; set; } = new();
    public IvoOptions Ivo { get; set; } = new();
    public ScheduleOptions Schedule { get; set; } = new();
    public TestingOptions Testing { get; set; } = new();
    public LifecycleOptions Lifecycle { get; set; } = new();
    public WebOptions Web { get; set; } = new();

    /// <summary>The nämnder served by this installation; each is isolated in outputs, ledger and e-mail.</summary>
    public List<NamndOptions> Namnder { get; set; } = [];
}

/// <summary><c>Ejv:State</c>: the product's own database (ledger, IVO identifiers, status log).</summary>
public sealed class StateOptions
{
    public string Provider { get; set; } = "sqlite";
    public string ConnectionString { get; set; } = "";
}

/// <summary><c>Ejv:Output</c>.</summary>
public sealed class OutputOptions
{
    /// <summary>Run outputs go to <c>&lt;Folder&gt;/&lt;namnd&gt;/&lt;quarter&gt;/</c>; relative to the working folder.</summary>
    public string Folder { get; set; } = "out";
}

/// <summary><c>Ejv:Rules</c>: the points of the law marked unverified, and the public report's anonymity threshold.</summary>
public sealed class RulesOptions
{
    public bool LabelOldSolAsNew { get; set; }
    public int MinCellSize { get; set; } = 3;
    public List<int> BandStartMonths { get; set; } = [];

    /// <summary>The kommun's time zone (IANA id): the calendar date of "today" and of timestamptz columns. See <see cref="Core.Kvartal.KommunTid"/>.</summary>
    public string TimeZone { get; set; } = Core.Kvartal.KommunTid.DefaultZoneId;
}

/// <summary>One entry of <c>Ejv:Namnder</c>.</summary>
public sealed class NamndOptions
{
    /// <summary>Folder-safe id: a-z, 0-9, '-' and '_' (used in output paths and the ledger).</summary>
    public string Id { get; set; } = "";

    /// <summary>Display name, e.g. "Socialnämnden".</summary>
    public string Namn { get; set; } = "";

    /// <summary>When set, only rows of <c>ejv_beslut</c> whose <c>namnd_id</c> equals this value belong to the nämnd.</summary>
    public string? NamndFilter { get; set; }

    /// <summary>
    /// The first quarter (e.g. <c>2025Q4</c>) this installation reports for the nämnd. Cases whose deadline fell before it and
    /// that were still open then are taken as already reported to IVO by hand (status kvarstår, not late). Empty: none assumed.
    /// </summary>
    public string? FirstQuarter { get; set; }

    public RecipientsOptions Recipients { get; set; } = new();

    /// <summary>The protected channel of the revisorer's per-case reports (<see cref="RevisorerOptions"/>).</summary>
    public RevisorerOptions Revisorer { get; set; } = new();

    /// <summary>The handläggare's encryption certificates (<see cref="HandlaggareOptions"/>).</summary>
    public HandlaggareOptions Handlaggare { get; set; } = new();

    /// <summary>The texts of the tjänsteskrivelse (diarienummer, förvaltning, signatures, sändlista, section texts).</summary>
    public Infrastructure.Documents.TjansteskrivelseOptions Tjansteskrivelse { get; set; } = new();

    /// <summary>This nämnd's approved public insats names (insats_kod → name), over <c>Ejv:Statistik:InsatsNamn</c>.</summary>
    public Dictionary<string, string> InsatsNamn { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Approve the report automatically this long after the draft was recorded; empty (the default): only by hand.</summary>
    public TimeSpan? AutoApproveAfter { get; set; }
}
