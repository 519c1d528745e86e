using System.Diagnostics.Metrics;

namespace EnergyActors.Silo.Storage;

/// <summary>The alerts' instruments (meter <c>EnergyActors.Alerts</c>): changes as stored, so a retried raise counts once.</summary>
public sealed class AlertMetrics
{
    public const string MeterName = "EnergyActors.Alerts";

    private readonly Counter<long> _changes;

    public AlertMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _changes = meterFactory.Create(MeterName).CreateCounter<long>(
            "energyactors.alerts.changes", "{change}", "Alert state changes stored, by kind and change (raised, acknowledged, cleared).");
    }

    internal void Changed(string kind, string change, long count)
    {
        if (count > 0)
        {
            _changes.Add(count, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("change", change));
        }
    }
}
