namespace EjVerkstallda.Core.Kvartal;

/// <summary>
/// Which quarters a nämnd is owed, decided from the ledger (the completed quarters), never from the scheduler's own
/// bookkeeping: a service that was down over a quarter's end runs it once when it is back; a quarter run by hand is done.
/// </summary>
public static class CatchUp
{
    /// <summary>A quarter is due once its reporting day plus <paramref name="delay"/> has passed.</summary>
    public static Kvartal? LatestDue(DateOnly today, int delayDays)
    {
        var q = Kvartal.LastCompletedBefore(today);
        while (q.ReportingDay.AddDays(delayDays) >= today) q = q.Previous;
        return q;
    }

    /// <summary>
    /// The quarters to run now, oldest first: after the latest completed one (or from <paramref name="firstQuarter"/> when
    /// nothing is completed yet, else only the latest due one) up to the latest due, skipping completed ones.
    /// </summary>
    /// <remarks>
    /// A completed quarter that has not ended by <paramref name="today"/> was completed in error (a wrong clock, a run of the
    /// current or a future quarter before that was refused): it is ignored, so it cannot block the real ones.
    /// </remarks>
    public static IReadOnlyList<Kvartal> DueQuarters(DateOnly today, int delayDays, IReadOnlyCollection<Kvartal> completed, Kvartal? firstQuarter)
    {
        if (LatestDue(today, delayDays) is not { } latest) return [];
        completed = completed.Where(q => q.HasEnded(today)).ToList();
        Kvartal start;
        if (completed.Count > 0) start = completed.Max().Next;
        else start = firstQuarter ?? latest;
        if (firstQuarter is { } f && start < f) start = f;
        var due = new List<Kvartal>();
        for (var q = start; q <= latest; q = q.Next)
            if (!completed.Contains(q)) due.Add(q);
        return due;
    }
}
