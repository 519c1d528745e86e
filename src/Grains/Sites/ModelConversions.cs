using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Grains.Sites;

/// <summary>Between what a site grain stores and answers (its configuration, its readings) and the model's own types.</summary>
public static class ModelConversions
{
    public static SiteSpec ToSpec(this SiteConfig config)
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
            config.Seed,
            config.Tilt,
            config.Azimuth,
            config.WeatherFile,
            config.AnnualConsumptionKwh);
    }

    public static SiteReading ToSiteReading(this IntervalReading r, TimeSpan interval)
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
}
