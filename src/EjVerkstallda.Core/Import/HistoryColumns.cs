namespace EjVerkstallda.Core.Import;

/// <summary>The header of <c>ejv import history</c> (CONTRACT section 4) and of <c>ejv import trend</c>.</summary>
public static class HistoryColumns
{
    public const string BeslutId = "beslut_id";
    public const string Kind = "kind";
    public const string Avbrottsdatum = "avbrottsdatum";
    public const string IvoId = "ivo_id";
    public const string FirstQuarter = "first_quarter";
    public const string LastQuarter = "last_quarter";
    public const string LastStatus = "last_status";

    public static readonly IReadOnlyList<string> History = [BeslutId, Kind, Avbrottsdatum, IvoId, FirstQuarter, LastQuarter, LastStatus];

    public static readonly IReadOnlyList<string> Trend = ["quarter", "lag", "kind", "open"];
}
