using System.Globalization;
using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>Which efficiency alerts a vehicle has active in the store, and what a new verdict changes about them.</summary>
internal sealed class VehicleAlerts
{
    public const string Critical = "EFFICIENCY_CRITICAL";
    public const string Anomaly = "EFFICIENCY_ANOMALY";

    // Two flags rather than a set: one of these lives in every vehicle grain.
    private bool _critical;
    private bool _anomaly;

    public void Restore(IEnumerable<string> activeKinds)
    {
        ArgumentNullException.ThrowIfNull(activeKinds);
        foreach (var kind in activeKinds)
        {
            Set(kind, true);
        }
    }

    public List<AlertChange> ChangesFor(HealthStatus status)
    {
        var wanted = status switch
        {
            HealthStatus.Critical => Critical,
            HealthStatus.Anomaly => Anomaly,
            _ => null,
        };
        var changes = new List<AlertChange>(2);
        if (_critical && wanted != Critical)
        {
            changes.Add(new AlertChange(Critical, Raise: false));
        }

        if (_anomaly && wanted != Anomaly)
        {
            changes.Add(new AlertChange(Anomaly, Raise: false));
        }

        if (wanted is not null && !IsActive(wanted))
        {
            changes.Add(new AlertChange(wanted, Raise: true));
        }

        return changes;
    }

    public void Applied(AlertChange change) => Set(change.Kind, change.Raise);

    private bool IsActive(string kind) => kind == Critical ? _critical : _anomaly;

    private void Set(string kind, bool active)
    {
        if (kind == Critical)
        {
            _critical = active;
        }
        else if (kind == Anomaly)
        {
            _anomaly = active;
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
