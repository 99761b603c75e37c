namespace EjVerkstallda.Core.Beslut;

/// <summary>
/// One row of <c>ejv_beslut</c> as the case source delivered it, every value as text
/// (dates <c>YYYY-MM-DD</c>, the day <see cref="CaseDateText"/> gives; booleans <c>0</c>/<c>1</c>; ids trimmed), so that Core
/// can judge malformed values instead of the driver throwing.
/// </summary>
public sealed record RawBeslut
{
    public string? BeslutId { get; init; }
    public string? PersonId { get; init; }
    public string? InsatsKod { get; init; }
    public string? Beslutsdatum { get; init; }
    public string? Verkstallighetsdatum { get; init; }
    public string? Avbrottsdatum { get; init; }
    public string? Aterupptagandedatum { get; init; }
    public string? Avslutsdatum { get; init; }
    public string? Avslutsorsak { get; init; }
    public string? Erbjudandedatum { get; init; }
    public string? TackatNej { get; init; }
    public string? Fodelsedatum { get; init; }
    public string? Kon { get; init; }
    public string? SkyddadIdentitet { get; init; }
    public string? Enhet { get; init; }
    public string? Skal { get; init; }
    public string? NamndId { get; init; }
}
