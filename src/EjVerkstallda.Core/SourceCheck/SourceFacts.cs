namespace EjVerkstallda.Core.SourceCheck;

/// <summary>How a column's values are typed, as the provider reports it (SQLite: the storage classes found in the rows).</summary>
public enum ColumnKind
{
    Text,
    Date,
    Timestamp,
    Instant,
    Boolean,
    Number,
    Other,
}

/// <summary>A column that exists in a relation, with its type as the provider names it.</summary>
public sealed record ColumnFact(string Relation, string Name, ColumnKind Kind, string TypeName);

/// <summary>Aggregates of one column over the whole relation. Min and Max only for date columns (the kommun's day).</summary>
public sealed record ColumnStats(string Name, long Nulls, string? Min = null, string? Max = null);

/// <summary>Rows of a text date column that are not plain <c>YYYY-MM-DD</c>: with a time part (accepted) or unreadable (a fault).</summary>
public sealed record TextDateFact(string Column, long WithTime, long Unreadable, IReadOnlyList<string> SampleIds);

/// <summary>Rows of a code column (kon, avslutsorsak, the booleans) whose value is outside its list (<see cref="ValueRules"/>).</summary>
public sealed record OutsideValues(string Column, long Rows, IReadOnlyList<string> SampleIds);

/// <summary>An insats code as <c>ejv_beslut</c> uses it (trimmed), and on how many rows.</summary>
public sealed record CodeUse(string Code, long Rows);

public sealed record YearCount(int Year, long Beslut);

public sealed record QuarterCount(string Namnd, string Quarter, long Candidates);

/// <summary>
/// An index the candidate query needs: a probe on <see cref="Column"/> (its first key column on the underlying table).
/// <see cref="Found"/> null: it could not be checked (<see cref="How"/> says why).
/// </summary>
public sealed record IndexFact(string Column, string Suggested, bool? Found, string? IndexName, string How);

/// <summary>A data-quality reason a run would list, with how many rows and a few beslut ids (ids only).</summary>
public sealed record ReasonCount(string Code, string Problem, int Count, IReadOnlyList<string> SampleIds);

/// <summary>
/// Everything <see cref="SourceDoctor"/> judges, gathered by the edge from the case system (read-only). Nothing in it is a
/// person's data: counts, ids, codes of the insats catalogue, type names and date ranges of the case dates.
/// </summary>
public sealed record SourceFacts
{
    public required string BeslutRelation { get; init; }
    public required string InsatsRelation { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>Null when the relation could be read; else the provider's reason.</summary>
    public string? BeslutUnreadable { get; init; }
    public string? InsatsUnreadable { get; init; }

    public IReadOnlyList<ColumnFact> BeslutColumns { get; init; } = [];
    public IReadOnlyList<ColumnFact> InsatsColumns { get; init; } = [];
    public long Rows { get; init; }
    public IReadOnlyList<ColumnStats> Stats { get; init; } = [];
    public IReadOnlyList<TextDateFact> TextDates { get; init; } = [];
    public IReadOnlyList<OutsideValues> Outside { get; init; } = [];
    public long DuplicateIds { get; init; }
    public IReadOnlyList<string> DuplicateSample { get; init; } = [];

    /// <summary>The catalogue's problems as <see cref="Beslut.InsatsKatalog"/> lists them (English problem texts).</summary>
    public IReadOnlyList<string> CatalogueProblems { get; init; } = [];
    public IReadOnlyList<string> CatalogueCodes { get; init; } = [];
    public IReadOnlyList<CodeUse> CodesUsed { get; init; } = [];

    public IReadOnlyList<YearCount> PerYear { get; init; } = [];
    public IReadOnlyList<QuarterCount> Candidates { get; init; } = [];

    /// <summary>The quarter whose candidates were judged for <see cref="DataQuality"/>; null when not computed.</summary>
    public string? DataQualityQuarter { get; init; }
    public IReadOnlyList<ReasonCount> DataQuality { get; init; } = [];
    public IReadOnlyList<IndexFact> Indexes { get; init; } = [];

    /// <summary>SQLite: EXPLAIN QUERY PLAN of the run's candidate query (it reads every row).</summary>
    public string? CandidatePlan { get; init; }

    /// <summary>Why the candidate counts and the data-quality list could not be computed (the run would fail the same way).</summary>
    public string? PreviewError { get; init; }
}
