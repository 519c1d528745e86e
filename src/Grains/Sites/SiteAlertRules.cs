using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Alerts;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Grains.Sites;

/// <summary>
/// Which site alerts a reading keeps active. Each has a band between raising and clearing, so a value
/// hovering at a threshold does not raise and clear an alert every interval.
/// </summary>
internal static class SiteAlertRules
{
    public const string SocBelowFloor = "SOC_BELOW_FLOOR";
    public const string OverTemperature = "BATTERY_OVER_TEMPERATURE";
    public const string UnservedLoad = "UNSERVED_LOAD";

    public static AlertCondition[] Conditions(SiteReading reading, double overTemperatureC)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var floor = BatteryPack.SocFloorPercent;
        return
        [
            new(SocBelowFloor, reading.Soc < floor - 0.5, reading.Soc >= floor + 2),
            new(OverTemperature, reading.BatteryTemperatureC > overTemperatureC, reading.BatteryTemperatureC <= overTemperatureC - 2),
            new(UnservedLoad, reading.UnservedKw > 0, reading.UnservedKw <= 0),
        ];
    }

    public static string Message(string kind, SiteReading reading) => kind switch
    {
        SocBelowFloor => FormattableString.Invariant($"Battery SOC {reading.Soc:0.0} % is below its floor of {BatteryPack.SocFloorPercent} %."),
        OverTemperature => FormattableString.Invariant($"Battery temperature {reading.BatteryTemperatureC:0.0} °C is too high."),
        _ => FormattableString.Invariant($"Grid outage: {reading.UnservedKw:0.00} kW of load not served."),
    };
}
