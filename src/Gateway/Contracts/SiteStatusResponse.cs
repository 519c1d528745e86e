using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Gateway.Contracts;

/// <summary>A site interval in the contract's status shape (also a raw history row).</summary>
public sealed record SiteStatusResponse(
    string SiteId,
    DateTime Timestamp,
    double IntervalMinutes,
    double SolarKw,
    double LoadKw,
    double BatteryKw,
    double GridImportKw,
    double GridExportKw,
    double UnservedKw,
    SiteBatteryBody Battery,
    SiteInverterBody Inverter,
    SiteWeatherBody Weather)
{
    public static SiteStatusResponse From(string siteId, SiteReading r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new SiteStatusResponse(
            siteId, r.Timestamp.UtcDateTime, r.IntervalMinutes, r.SolarKw, r.LoadKw, r.BatteryKw, r.GridImportKw, r.GridExportKw, r.UnservedKw,
            new SiteBatteryBody(r.Soc, r.BatteryTemperatureC, r.BatteryVoltage, r.BatteryHealthPercent, r.CycleCount),
            new SiteInverterBody(r.InverterAcKw, r.InverterDcKw, r.InverterEfficiency, r.InverterTemperatureC),
            new SiteWeatherBody(r.WeatherTemperatureC, r.IrradianceWm2, r.CloudCoverPercent, r.WeatherSource));
    }
}
