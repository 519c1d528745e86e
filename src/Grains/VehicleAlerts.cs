using System.Globalization;
using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>Which efficiency alerts a vehicle has active in the store, and what a new verdict changes about them.</summary>
internal sealed class VehicleAlerts
{
    public const string Critical = "EFFICIENCY_CRITICAL";
    public const string Anomaly = "EFFICIENCY_ANOMALY";

    private readonly HashSet<string> _active = new(StringComparer.Ordinal);

    public void Restore(IEnumerable<string> activeKinds) => _active.UnionWith(activeKinds.Where(k => k is Critical or Anomaly));

    public List<AlertChange> ChangesFor(HealthStatus status)
    {
        var wanted = status switch
        {
            HealthStatus.Critical => Critical,
            HealthStatus.Anomaly => Anomaly,
            _ => null,
        };
        var changes = new List<AlertChange>(2);
        foreach (var kind in _active)
        {
            if (kind != wanted)
            {
                changes.Add(new AlertChange(kind, Raise: false));
            }
        }

        if (wanted is not null && !_active.Contains(wanted))
        {
            changes.Add(new AlertChange(wanted, Raise: true));
        }

        return changes;
    }

    public void Applied(AlertChange change)
    {
        if (change.Raise)
        {
            _active.Add(change.Kind);
        }
        else
        {
            _active.Remove(change.Kind);
        }
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
