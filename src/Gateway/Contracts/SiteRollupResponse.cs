using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Gateway.Contracts;

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
