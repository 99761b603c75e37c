namespace EjVerkstallda.Core.Lifecycle;

/// <summary>
/// Where one version of a quarter's report stands. <see cref="Draft"/>: made by a run, sent to the handläggare only.
/// <see cref="Approved"/>: approved by an identity; the statistikrapport went to the nämnd (registrator) and the per-case
/// reports to the revisorer. <see cref="Decided"/>: the nämnd decided on it (date, paragraph); the statistikrapport went to
/// kommunfullmäktige and the revisorer. <see cref="Superseded"/>: a later run changed the result; a newer version replaces it
/// (its approval and decision stay on record).
/// </summary>
public enum VersionState
{
    Draft,
    Approved,
    Decided,
    Superseded,
}

public static class VersionStates
{
    public static string ToCode(this VersionState s) => s switch
    {
        VersionState.Draft => "draft",
        VersionState.Approved => "approved",
        VersionState.Decided => "decided",
        _ => "superseded",
    };

    public static VersionState Parse(string code) => code.Trim() switch
    {
        "draft" => VersionState.Draft,
        "approved" => VersionState.Approved,
        "decided" => VersionState.Decided,
        "superseded" => VersionState.Superseded,
        _ => throw new FormatException($"'{code}' is not a version state (draft, approved, decided, superseded)"),
    };

    /// <summary>The Swedish word shown to people.</summary>
    public static string Svenska(this VersionState s) => s switch
    {
        VersionState.Draft => "utkast",
        VersionState.Approved => "godkänd, skickad till nämnden",
        VersionState.Decided => "beslutad av nämnden, överlämnad till kommunfullmäktige",
        _ => "ersatt av en senare version",
    };
}

/// <summary>Who approved a version, and when.</summary>
public sealed record VersionApproval(Actor By, DateTimeOffset At)
{
    /// <summary>The source of an approval recorded before the lifecycle (<c>ejv_approval</c>, free text): it sent the report to everyone at once.</summary>
    public const string LegacySource = "legacy";
}

/// <summary>The nämnd's decision on a version: the meeting's date and the protocol's paragraph, recorded by someone.</summary>
public sealed record NamndDecision(DateOnly Date, string Paragraph, Actor By, DateTimeOffset At);

/// <summary>One version of a quarter's report (underlag and statistikrapport), numbered from 1.</summary>
public sealed record QuarterVersion(int Version, VersionState State, string ResultHash, DateTimeOffset CreatedAt)
{
    public VersionApproval? Approval { get; init; }
    public NamndDecision? Decision { get; init; }
    public DateTimeOffset? SupersededAt { get; init; }
}
