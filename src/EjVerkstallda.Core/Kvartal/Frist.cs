namespace EjVerkstallda.Core.Kvartal;

/// <summary>The three-month deadline of SoL/LSS: D = start plus three calendar months, clamped to the target month's end.</summary>
public static class Frist
{
    public const int Months = 3;

    /// <summary>D for a beslut (or avbrott) on <paramref name="start"/>. 2023-11-30 → 2024-02-29.</summary>
    public static DateOnly Deadline(DateOnly start) => start.AddMonths(Months);

    /// <summary>
    /// The latest start day whose deadline falls before <paramref name="reportingDay"/> (D &lt; E).
    /// Every case with a start after this day is in time at E; the case source filters on it.
    /// </summary>
    public static DateOnly LatestStartReportableAt(DateOnly reportingDay)
    {
        var t = reportingDay.AddMonths(-Months);
        while (Deadline(t) >= reportingDay) t = t.AddDays(-1);
        while (Deadline(t.AddDays(1)) < reportingDay) t = t.AddDays(1);
        return t;
    }

    /// <summary>Whole calendar months from <paramref name="from"/> to <paramref name="to"/> (0 when to &lt; from).</summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        if (to < from) return 0;
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (from.AddMonths(months) > to) months--;
        return months;
    }
}
