using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Grains.Alerts;

/// <summary>
/// The rules every fleet starts with (the thresholds alerts always had), and what a rule may say. Efficiency is judged
/// with evidence and a hold-off, so a charger's AC arriving before the vehicle's DC never raises by itself; site
/// readings come once an interval, in order, and keep their thresholds' bands instead.
/// </summary>
public static class AlertRuleBook
{
    public const int MaxSeconds = 7 * 24 * 3600;
    public const int MaxReadings = 10_000;

    public static AlertRuleSet Defaults { get; } = new(
    [
        new(AlertKinds.EfficiencyCritical, true, "critical", 0.70, HoldOffSeconds: 60, HoldOffReadings: 1, ClearSeconds: 60, MinAcKwh: 1, MinReadings: 2),
        new(AlertKinds.EfficiencyAnomaly, true, "major", 1.0, HoldOffSeconds: 60, HoldOffReadings: 1, ClearSeconds: 60, MinAcKwh: 1, MinReadings: 2),
        new(AlertKinds.SocBelowFloor, true, "major", BatteryPack.SocFloorPercent, 0, 1, 0),
        new(AlertKinds.BatteryOverTemperature, true, "critical", 45, 0, 1, 0),
        new(AlertKinds.UnservedLoad, true, "critical", 0, 0, 1, 0),
        new(AlertKinds.DeviceSilent, true, "major", 15, 0, 1, 0),
    ],
        UpdatedAt: null);

    /// <summary>The rules after replacing those of the kinds given, or the first field that is wrong (index into the list given).</summary>
    public static AlertRuleUpdate Merge(AlertRuleSet current, IReadOnlyList<AlertRule> rules, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(rules);
        var merged = current.Rules.ToDictionary(r => r.Kind, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            if (Problem(rules[i]) is { } problem)
            {
                return new AlertRuleUpdate(null, $"rules[{i}].{problem.Field}", problem.Error);
            }

            if (!seen.Add(rules[i].Kind))
            {
                return new AlertRuleUpdate(null, $"rules[{i}].kind", $"'{rules[i].Kind}' is given twice; give each kind once.");
            }

            merged[rules[i].Kind] = rules[i];
        }

        return new AlertRuleUpdate(new AlertRuleSet(AlertKinds.All.Select(k => merged[k]).ToList(), at), null, null);
    }

    private static (string Field, string Error)? Problem(AlertRule rule)
    {
        if (!AlertKinds.All.Contains(rule.Kind))
        {
            return ("kind", $"'{rule.Kind}' is not a kind of alert; use one of {string.Join(", ", AlertKinds.All)}.");
        }

        if (!AlertKinds.Severities.Contains(rule.Severity))
        {
            return ("severity", $"'{rule.Severity}' is not a severity; use one of {string.Join(", ", AlertKinds.Severities)}.");
        }

        var (min, max, unit) = ThresholdRange(rule.Kind);
        if (!double.IsFinite(rule.Threshold) || rule.Threshold < min || rule.Threshold > max)
        {
            return ("threshold", FormattableString.Invariant($"The threshold of {rule.Kind} is {unit} from {min} to {max}."));
        }

        if (rule.HoldOffSeconds is < 0 or > MaxSeconds)
        {
            return ("holdOffSeconds", $"holdOffSeconds is a whole number from 0 to {MaxSeconds} (a week).");
        }

        if (rule.HoldOffReadings is < 1 or > MaxReadings)
        {
            return ("holdOffReadings", $"holdOffReadings is a whole number from 1 to {MaxReadings}.");
        }

        if (rule.ClearSeconds is < 0 or > MaxSeconds)
        {
            return ("clearSeconds", $"clearSeconds is a whole number from 0 to {MaxSeconds} (a week).");
        }

        if (!double.IsFinite(rule.MinAcKwh) || rule.MinAcKwh is < 0 or > 1_000_000)
        {
            return ("minAcKwh", "minAcKwh is a number of kWh from 0 to 1000000.");
        }

        return rule.MinReadings is < 0 or > MaxReadings ? ("minReadings", $"minReadings is a whole number from 0 to {MaxReadings}.") : null;
    }

    private static (double Min, double Max, string Unit) ThresholdRange(string kind) => kind switch
    {
        AlertKinds.EfficiencyCritical or AlertKinds.EfficiencyAnomaly => (0, 10, "an efficiency ratio"),
        AlertKinds.SocBelowFloor => (0, 100, "a state of charge in percent"),
        AlertKinds.BatteryOverTemperature => (-40, 150, "a temperature in °C"),
        AlertKinds.UnservedLoad => (0, 100_000, "a power in kW"),
        _ => (5, 7 * 24 * 60, "a number of minutes"),
    };
}
