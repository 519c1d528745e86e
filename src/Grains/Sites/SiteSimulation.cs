using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Grains.Sites;

/// <summary>Glue between a site's stored configuration and state and the simulation model, and interval arithmetic.</summary>
public static class SiteSimulation
{
    public static SiteSpec Spec(SiteConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new SiteSpec(
            Enum.Parse<SiteType>(config.Type, ignoreCase: true),
            config.Latitude,
            config.Longitude,
            config.TimeZone,
            config.BatteryCapacityKwh,
            config.BatteryMaxPowerKw,
            config.SolarCapacityKw,
            config.InverterCapacityKw,
            config.LoadProfile is { } p ? new LoadProfile(p.Weekday, p.Weekend) : null,
            config.Seed);
    }

    public static SiteReading ToReading(IntervalReading r, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(r);
        var hours = interval.TotalHours;
        return new SiteReading(
            r.Timestamp,
            interval.TotalMinutes,
            r.SolarKw,
            r.LoadKw,
            r.BatteryKw,
            r.GridImportKw,
            r.GridExportKw,
            r.BatterySoc,
            r.BatteryTemperatureC,
            r.BatteryVoltageV,
            r.BatteryHealthPercent,
            r.BatteryCycleCount,
            r.InverterAcKw,
            r.InverterDcKw,
            r.InverterEfficiencyPercent / 100,
            r.InverterTemperatureC,
            r.WeatherTemperatureC,
            r.WeatherIrradianceWm2,
            r.WeatherCloudCoverPercent,
            r.WeatherSource,
            hours > 0 ? r.UnservedKwh / hours : 0);
    }

    /// <summary>Interval ends are whole multiples of the interval in UTC, so every site's rows line up.</summary>
    public static DateTimeOffset AlignDown(DateTimeOffset at, int intervalMinutes)
    {
        var ticks = TimeSpan.FromMinutes(intervalMinutes).Ticks;
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % ticks), TimeSpan.Zero);
    }

    public static DateTimeOffset AlignUp(DateTimeOffset at, int intervalMinutes)
    {
        var down = AlignDown(at, intervalMinutes);
        return down == at ? at : down.AddMinutes(intervalMinutes);
    }

    /// <summary>The interval ends after <paramref name="last"/> up to and including <paramref name="now"/>.</summary>
    public static List<DateTimeOffset> DueIntervalEnds(DateTimeOffset last, DateTimeOffset now, int intervalMinutes)
    {
        var ends = new List<DateTimeOffset>();
        for (var end = AlignUp(last.AddTicks(1), intervalMinutes); end <= now; end = end.AddMinutes(intervalMinutes))
        {
            ends.Add(end);
        }

        return ends;
    }
}
