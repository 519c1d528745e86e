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

public sealed record SiteBatteryBody(double Soc, double TemperatureC, double Voltage, double HealthPercent, double CycleCount);

public sealed record SiteInverterBody(double AcKw, double DcKw, double Efficiency, double TemperatureC);

public sealed record SiteWeatherBody(double TemperatureC, double IrradianceWm2, double CloudCoverPercent, string Source);

/// <summary>A rollup row: kW as time-weighted means over the bucket's rows, their energies, SOC range and count.</summary>
public sealed record SiteRollupResponse(
    DateTime Timestamp,
    double SolarKw,
    double LoadKw,
    double BatteryKw,
    double GridImportKw,
    double GridExportKw,
    double SolarKwh,
    double LoadKwh,
    double GridImportKwh,
    double GridExportKwh,
    double BatteryChargeKwh,
    double BatteryDischargeKwh,
    double SocMin,
    double SocMax,
    int Count)
{
    public static SiteRollupResponse From(SiteRollup r)
    {
        ArgumentNullException.ThrowIfNull(r);
        double Mean(double kwh) => r.Hours > 0 ? kwh / r.Hours : 0;
        return new SiteRollupResponse(
            r.Start.UtcDateTime, Mean(r.SolarKwh), Mean(r.LoadKwh), Mean(r.BatteryChargeKwh - r.BatteryDischargeKwh), Mean(r.GridImportKwh),
            Mean(r.GridExportKwh), r.SolarKwh, r.LoadKwh, r.GridImportKwh, r.GridExportKwh, r.BatteryChargeKwh, r.BatteryDischargeKwh, r.SocMin,
            r.SocMax, r.Count);
    }
}
