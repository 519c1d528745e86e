using System.Globalization;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Alerts;

namespace EnergyActors.Grains;

/// <summary>
/// A vehicle's efficiency alerts under its fleet's rules. The ratio is judged only when the window holds enough of both
/// sides (the rule's minimum AC energy and readings of each), so AC that arrived before its DC is never judged alone.
/// </summary>
internal static class VehicleAlertRules
{
    public static bool IsVehicleKind(string kind) => kind is AlertKinds.EfficiencyCritical or AlertKinds.EfficiencyAnomaly;

    /// <summary>The kind a vehicle leaves comes first, so it is cleared before the one it enters is raised.</summary>
    public static AlertCondition[] Conditions(VehiclePerformance performance, AlertRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(performance);
        ArgumentNullException.ThrowIfNull(rules);
        var critical = Judge(rules.For(AlertKinds.EfficiencyCritical)!, performance, ratio => ratio < (decimal)rules.For(AlertKinds.EfficiencyCritical)!.Threshold);
        var anomaly = Judge(rules.For(AlertKinds.EfficiencyAnomaly)!, performance, ratio => ratio > (decimal)rules.For(AlertKinds.EfficiencyAnomaly)!.Threshold);
        return critical.Raise ? [anomaly, critical] : [critical, anomaly];
    }

    public static string Message(string kind, VehiclePerformance performance, AlertRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(performance);
        ArgumentNullException.ThrowIfNull(rules);
        var ratio = performance.EfficiencyRatio?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "n/a";
        var threshold = rules.For(kind)?.Threshold.ToString("0.00##", CultureInfo.InvariantCulture);
        return kind == AlertKinds.EfficiencyAnomaly
            ? $"DC delivered exceeds AC consumed over 24 h (ratio {ratio}, above {threshold}): a sensor or attribution fault."
            : $"Charging efficiency over 24 h is {ratio}, below {threshold}: possible hardware fault or energy leakage.";
    }

    private static AlertCondition Judge(AlertRule rule, VehiclePerformance performance, Func<decimal, bool> holds)
    {
        if (performance.EfficiencyRatio is null)
        {
            // No AC in 24 h: nothing left to judge, so nothing to alarm about.
            return new AlertCondition(rule, Raise: false, Clear: true);
        }

        var enough = performance.TotalAcConsumed >= (decimal)rule.MinAcKwh
            && performance.MeterReadings >= rule.MinReadings
            && performance.VehicleReadings >= rule.MinReadings;
        if (!enough)
        {
            return new AlertCondition(rule, Raise: false, Clear: false);
        }

        var condition = holds(performance.EfficiencyRatio!.Value);
        return new AlertCondition(rule, Raise: condition, Clear: !condition);
    }
}
