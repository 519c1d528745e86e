using System.Globalization;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Alerts;

namespace EnergyActors.Grains;

/// <summary>A vehicle's efficiency alerts: the verdict's alert is active, every other one is not.</summary>
internal static class VehicleAlertRules
{
    public const string Critical = "EFFICIENCY_CRITICAL";
    public const string Anomaly = "EFFICIENCY_ANOMALY";

    public static bool IsVehicleKind(string kind) => kind is Critical or Anomaly;

    /// <summary>The verdict's own kind comes last, so the alert a vehicle leaves is cleared before the one it enters is raised.</summary>
    public static AlertCondition[] Conditions(HealthStatus status)
    {
        var critical = new AlertCondition(Critical, Raise: status == HealthStatus.Critical, Clear: status != HealthStatus.Critical);
        var anomaly = new AlertCondition(Anomaly, Raise: status == HealthStatus.Anomaly, Clear: status != HealthStatus.Anomaly);
        return status == HealthStatus.Critical ? [anomaly, critical] : [critical, anomaly];
    }

    public static string Message(string kind, VehiclePerformance performance)
    {
        ArgumentNullException.ThrowIfNull(performance);
        var ratio = performance.EfficiencyRatio?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "n/a";
        return kind == Anomaly
            ? $"DC delivered exceeds AC consumed over 24 h (ratio {ratio}): a sensor or attribution fault."
            : $"Charging efficiency over 24 h is {ratio}, below 0.70: possible hardware fault or energy leakage.";
    }
}
