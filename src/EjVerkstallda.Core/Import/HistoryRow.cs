using EjVerkstallda.Core.Classification;

namespace EjVerkstallda.Core.Import;

/// <summary>
/// One case the kommun reported to IVO by hand: the beslut, which kind of case, the quarters of its first and latest report
/// and the latest report's status, and the IVO identifier it used for the person.
/// </summary>
public sealed record HistoryRow
{
    public required int Line { get; init; }
    public required Beslut.Beslut Beslut { get; init; }
    public required CaseKind Kind { get; init; }
    public DateOnly? Avbrottsdatum { get; init; }
    public string? IvoId { get; init; }
    public required Kvartal.Kvartal First { get; init; }
    public required Kvartal.Kvartal Last { get; init; }
    public required ReportStatus LastStatus { get; init; }

    public DateOnly Start => Kind == CaseKind.Avbrott ? Avbrottsdatum!.Value : Beslut.Beslutsdatum;
    public CaseKey Key => CaseKey.Of(Beslut.Id, Kind, Start);
    public bool IsOpen => !LastStatus.IsClosing();

    /// <summary>The ledger's status for each quarter from the first report to the latest: ny, then kvarstår, then the latest status.</summary>
    public IEnumerable<(Kvartal.Kvartal Quarter, ReportStatus Status)> Quarters()
    {
        for (var q = First; q <= Last; q = q.Next)
            yield return (q, q == Last ? LastStatus : q == First ? ReportStatus.Ny : ReportStatus.Kvarstar);
    }
}

/// <summary>What the ledger already holds about a case (imported earlier or reported by the product).</summary>
public sealed record LedgerCase(Kvartal.Kvartal First, Kvartal.Kvartal Last, ReportStatus LastStatus, string? IvoId, bool Imported);
