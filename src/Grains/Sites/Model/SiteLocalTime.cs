using System.Collections.Concurrent;

namespace EnergyActors.Grains.Sites.Model;

/// <summary>Local civil time at a site, for the load model's hour of day and day of week.</summary>
public static class SiteLocalTime
{
    // Resolving a zone reads tzdata from disk; ten thousand sites stepping every minute must not.
    // Unknown ids are cached as null so they are not retried on every step either.
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    /// <summary>The zone for <paramref name="timeZoneId"/>, or null when the system does not know it.</summary>
    public static TimeZoneInfo? FindZone(string timeZoneId) =>
        Zones.GetOrAdd(timeZoneId ?? string.Empty, static id =>
            TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null);

    /// <summary>
    /// The site's UTC offset at <paramref name="at"/>; for an unknown zone, the nominal offset of
    /// the longitude (15° per hour), which is the best guess without a zone database.
    /// </summary>
    public static TimeSpan UtcOffset(string timeZoneId, double longitude, DateTimeOffset at)
    {
        var zone = FindZone(timeZoneId);
        return zone is null ? TimeSpan.FromHours(Math.Round(longitude / 15.0)) : zone.GetUtcOffset(at);
    }

    public static DateTime LocalTime(SiteSpec spec, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return at.UtcDateTime + UtcOffset(spec.TimeZoneId, spec.Longitude, at);
    }
}
