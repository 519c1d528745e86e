namespace EnergyActors.Grains.Abstractions.Alerts;

/// <summary>The kinds of alert the grains raise, and the severities a rule may give them.</summary>
public static class AlertKinds
{
    public const string EfficiencyCritical = "EFFICIENCY_CRITICAL";
    public const string EfficiencyAnomaly = "EFFICIENCY_ANOMALY";
    public const string SocBelowFloor = "SOC_BELOW_FLOOR";
    public const string BatteryOverTemperature = "BATTERY_OVER_TEMPERATURE";
    public const string UnservedLoad = "UNSERVED_LOAD";
    public const string DeviceSilent = "DEVICE_SILENT";

    public static IReadOnlyList<string> All { get; } = [EfficiencyCritical, EfficiencyAnomaly, SocBelowFloor, BatteryOverTemperature, UnservedLoad, DeviceSilent];

    public static IReadOnlyList<string> Severities { get; } = ["critical", "major", "minor", "warning"];

    /// <summary>An alert's state as lists filter it: raised and not yet seen to, acknowledged by someone, or over.</summary>
    public static IReadOnlyList<string> States { get; } = ["active", "acknowledged", "cleared"];
}
