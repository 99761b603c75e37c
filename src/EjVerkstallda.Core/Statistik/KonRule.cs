namespace EjVerkstallda.Core.Statistik;

/// <summary>The kön breakdown of an earlier quarter's published statistikrapport (its unknown cell is open − K − M).</summary>
public sealed record PublishedKon(string Quarter, int Kvinnor, int Man, int Okant)
{
    /// <summary>The breakdown a stored report published, or null when it left the breakdown out.</summary>
    public static PublishedKon? Of(StatistikRapport rapport)
    {
        ArgumentNullException.ThrowIfNull(rapport);
        return rapport.Kon is { } k ? new(rapport.Quarter, k.Kvinnor, k.Man, rapport.Totals.Open - k.Kvinnor - k.Man) : null;
    }
}

/// <summary>
/// When the kön breakdown may be published. A table and its difference from the last published table are both public (a
/// reader subtracts them), so the same rule holds for both: every cell (kvinnor, män) is at least k and the unknown cell is 0
/// or at least k; and against every published breakdown a reader may hold either nothing changed, or kvinnor and män each changed by at least
/// k (and the unknown cell by 0 or at least k). A change of +1 man with one new case would name that person's kön; a change of
/// 0 kvinnor and +3 män says every newcomer is a man, as a 0 cell in a single table would.
/// </summary>
public static class KonRule
{
    /// <summary>Some group is smaller than k this quarter.</summary>
    public const string LitenGrupp = "liten_grupp";

    /// <summary>The change from the last published breakdown is smaller than k in some group.</summary>
    public const string LitenForandring = "liten_forandring";

    /// <returns>The breakdown to publish, or null with the reason it is left out.</returns>
    public static (KonFordelning? Kon, string? Utelamnad) Decide(int kvinnor, int man, int okant, int k, PublishedKon? previous) =>
        Decide(kvinnor, man, okant, k, previous is null ? [] : [previous]);

    /// <param name="published">Every breakdown a reader may hold and subtract this one from (each version that was sent out).</param>
    /// <returns>The breakdown to publish, or null with the reason it is left out.</returns>
    public static (KonFordelning? Kon, string? Utelamnad) Decide(int kvinnor, int man, int okant, int k, IReadOnlyList<PublishedKon> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        if (kvinnor < k || man < k || !ZeroOrAtLeast(okant, k)) return (null, LitenGrupp);
        if (published.Any(p => !ChangeHolds(kvinnor - p.Kvinnor, man - p.Man, okant - p.Okant, k)))
            return (null, LitenForandring);
        return (new KonFordelning(kvinnor, man), null);
    }

    private static bool ChangeHolds(int dK, int dM, int dU, int k) =>
        (dK == 0 && dM == 0 && dU == 0) || (Math.Abs(dK) >= k && Math.Abs(dM) >= k && ZeroOrAtLeast(Math.Abs(dU), k));

    private static bool ZeroOrAtLeast(int n, int k) => n == 0 || n >= k;
}
