namespace EjVerkstallda.Core.Import;

/// <summary>What the history rows are checked against: the case system's rows, the identifiers the ledger gave, the quarters the product runs.</summary>
public sealed record HistoryContext
{
    /// <summary>The case system's beslut that the rules can judge, by trimmed beslut_id.</summary>
    public required IReadOnlyDictionary<string, Beslut.Beslut> Beslut { get; init; }

    /// <summary>Beslut the case system has but the rules cannot judge (bad dates, unknown insats...), with the reason.</summary>
    public IReadOnlyDictionary<string, string> Unjudgeable { get; init; } = new Dictionary<string, string>();

    /// <summary>person_id → IVO identifier already in the ledger (ejv_person).</summary>
    public IReadOnlyDictionary<string, string> KnownIds { get; init; } = new Dictionary<string, string>();

    /// <summary>The first quarter the product runs (or has run): the kommun's own history must end before it.</summary>
    public required Kvartal.Kvartal RunsFrom { get; init; }

    /// <summary>Why <see cref="RunsFrom"/> is that quarter, for the message.</summary>
    public required string RunsFromReason { get; init; }
}

public sealed record HistoryValidation(IReadOnlyList<HistoryRow> Rows, IReadOnlyList<ImportError> Errors);
