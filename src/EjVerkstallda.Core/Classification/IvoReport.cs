using EjVerkstallda.Core.Beslut;

namespace EjVerkstallda.Core.Classification;

/// <summary>One report to IVO (and the revisorer) in a quarter, as the rules give it.</summary>
public sealed record IvoReport
{
    public required Beslut.Beslut Beslut { get; init; }
    public required CaseKind Kind { get; init; }
    public required ReportStatus Status { get; init; }
    public required bool Late { get; init; }
    public required string Lagrum { get; init; }

    /// <summary>T: beslutsdatum or avbrottsdatum.</summary>
    public required DateOnly Start { get; init; }

    /// <summary>D: T plus three months.</summary>
    public required DateOnly Deadline { get; init; }

    /// <summary>C, when the report is a closing one.</summary>
    public DateOnly? ClosingDay { get; init; }

    public required int DaysSinceStart { get; init; }

    public CaseKey Key => CaseKey.Of(Beslut.Id, Kind, Start);
    public Lag Lag => Beslut.Insats.Lag;
    public bool IsOpen => !Status.IsClosing();
    public DateOnly? Verkstallighetsdatum => Status == ReportStatus.Verkstalld ? ClosingDay : null;
    public DateOnly? Avslutsdatum => Status == ReportStatus.Avslutad ? ClosingDay : null;
    public Avslutsorsak? Avslutsorsak => Status == ReportStatus.Avslutad ? Beslut.Avslutsorsak : null;
}
