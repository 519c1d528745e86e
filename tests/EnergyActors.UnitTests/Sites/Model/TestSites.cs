using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Tests.Sites.Model;

/// <summary>Three contrasting sites: a German home, an Arizona business, a Singapore factory.</summary>
internal static class TestSites
{
    public static SiteSpec Residential(long seed = 42) =>
        new(SiteType.Residential, 52.52, 13.405, "Europe/Berlin", 13.5, 5, 8, 6, null, seed);

    public static SiteSpec Commercial(long seed = 7) =>
        new(SiteType.Commercial, 33.45, -112.07, "America/Phoenix", 200, 100, 150, 120, null, seed);

    public static SiteSpec Industrial(long seed = 99) =>
        new(SiteType.Industrial, 1.35, 103.82, "Asia/Singapore", 1000, 500, 800, 700, null, seed);

    public static IEnumerable<SiteSpec> All()
    {
        yield return Residential();
        yield return Commercial();
        yield return Industrial();
    }

    /// <summary>Steps from <paramref name="start"/> to <paramref name="end"/>, pairing each reading with the state it started from.</summary>
    public static List<(IntervalReading Reading, SiteBattery Before)> Run(
        SiteSpec spec, DateTimeOffset start, DateTimeOffset end, TimeSpan interval, Func<DateTimeOffset, bool>? outage = null)
    {
        var state = SiteBattery.Initial(spec, start);
        var rows = new List<(IntervalReading, SiteBattery)>();
        for (var t = start + interval; t <= end; t += interval)
        {
            var step = SitePhysics.Step(spec, state, t, interval, outage?.Invoke(t) ?? false);
            rows.Add((step.Reading, state));
            state = step.Next;
        }

        return rows;
    }

    public static bool SunDownThroughout(SiteSpec spec, IntervalReading reading)
    {
        var end = reading.Timestamp;
        var start = end - reading.Interval;
        var mid = end - (reading.Interval / 2);
        return SolarPosition.ElevationDegrees(spec.Latitude, spec.Longitude, start) < 0
            && SolarPosition.ElevationDegrees(spec.Latitude, spec.Longitude, mid) < 0
            && SolarPosition.ElevationDegrees(spec.Latitude, spec.Longitude, end) < 0;
    }
}
