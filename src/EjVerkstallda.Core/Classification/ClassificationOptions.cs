namespace EjVerkstallda.Core.Classification;

/// <summary>The points of the rules that DOMAIN.md marks as unverified, kept as settings.</summary>
public sealed record ClassificationOptions
{
    public static readonly ClassificationOptions Default = new();

    /// <summary>Print SoL (2025:400) paragraphs for beslut made before 2025-07-01 too. Off: follow the law in force on the beslutsdatum.</summary>
    public bool LabelOldSolAsNew { get; init; }

    /// <summary>
    /// The first day of the first quarter this installation's ledger holds (<c>FirstQuarter</c>). A case that was reportable at
    /// the reporting day E of the quarter before (its deadline before that E) and still open on that E is taken to have been
    /// reported to IVO by hand before the product took over: it is reported as <c>kvarstar</c>, not as new and late. A deadline
    /// on that E itself was not reportable then and is <c>ny</c>. Null: the ledger is complete, nothing is assumed.
    /// </summary>
    public DateOnly? HandReportedBefore { get; init; }

    /// <summary>
    /// Judge as of this day instead of the quarter's reporting day E: the preview (dry run) of a quarter that has not ended,
    /// as of today. Null (every real run): as of E.
    /// </summary>
    public DateOnly? AsOf { get; init; }
}
