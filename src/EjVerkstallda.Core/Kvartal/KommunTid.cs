namespace EjVerkstallda.Core.Kvartal;

/// <summary>
/// The one rule for "which day is it" (CONTRACT section 4): every calendar date the product derives from an instant (today,
/// a <c>timestamptz</c>/<c>datetimeoffset</c> column of the case system) is the date in the kommun's time zone
/// (<c>Ejv:Rules:TimeZone</c>, default <see cref="DefaultZoneId"/>), never the server's local time or UTC.
/// </summary>
public sealed class KommunTid
{
    public const string DefaultZoneId = "Europe/Stockholm";

    public KommunTid(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    public static KommunTid Stockholm { get; } = new(TimeZoneInfo.FindSystemTimeZoneById(DefaultZoneId));

    /// <summary>Finds an IANA (or Windows) zone id; null when the id is unknown on this machine.</summary>
    public static KommunTid? TryFind(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId)) return Stockholm;
        try { return new KommunTid(TimeZoneInfo.FindSystemTimeZoneById(zoneId.Trim())); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }

    /// <summary>The kommun's calendar date of an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Today in the kommun.</summary>
    public DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }
}
