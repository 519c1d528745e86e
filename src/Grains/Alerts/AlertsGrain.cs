using EnergyActors.Grains.Abstractions;
using Orleans.Concurrency;

namespace EnergyActors.Grains.Alerts;

/// <summary>Lists alerts from the store for the gateway, which talks only to grains.</summary>
[StatelessWorker]
public sealed class AlertsGrain(IAlertStore store) : Grain, IAlertsGrain
{
    public Task<IReadOnlyList<Alert>> List(AlertQuery query) => store.List(query);
}
