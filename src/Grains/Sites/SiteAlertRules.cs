using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Alerts;

namespace EnergyActors.Grains.Sites;

/// <summary>
/// Which site alerts a reading says should hold, under the fleet's thresholds. Each has a band between raising and
/// clearing, so a value hovering at a threshold does not raise and clear an alert every interval.
/// </summary>
internal static class SiteAlertRules
{
    public static AlertCondition[] Conditions(SiteReading reading, AlertRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(rules);
        var floor = rules.For(AlertKinds.SocBelowFloor)!;
        var hot = rules.For(AlertKinds.BatteryOverTemperature)!;
        var unserved = rules.For(AlertKinds.UnservedLoad)!;
        return
        [
            new(floor, reading.Soc < floor.Threshold - 0.5, reading.Soc >= floor.Threshold + 2),
            new(hot, reading.BatteryTemperatureC > hot.Threshold, reading.BatteryTemperatureC <= hot.Threshold - 2),
            new(unserved, reading.UnservedKw > unserved.Threshold, reading.UnservedKw <= unserved.Threshold),
        ];
    }

    public static string Message(string kind, SiteReading reading, AlertRuleSet rules) => kind switch
    {
        AlertKinds.SocBelowFloor => FormattableString.Invariant($"Battery SOC {reading.Soc:0.0} % is below its floor of {rules.For(kind)!.Threshold} %."),
        AlertKinds.BatteryOverTemperature => FormattableString.Invariant($"Battery temperature {reading.BatteryTemperatureC:0.0} °C is above {rules.For(kind)!.Threshold} °C."),
        _ => FormattableString.Invariant($"Grid outage: {reading.UnservedKw:0.00} kW of load not served."),
    };
}
