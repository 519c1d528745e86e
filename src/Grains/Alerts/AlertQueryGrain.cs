using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Access;
using Orleans.Concurrency;

namespace EnergyActors.Grains.Alerts;

/// <summary>Lists and acknowledges the calling fleet's alerts in the store for the gateway, which talks only to grains.</summary>
/// <remarks>Grain type "alerts", as when it was AlertsGrain: silos and gateways of the previous build in the same cluster use it.</remarks>
[GrainType("alerts")]
[StatelessWorker]
public sealed class AlertQueryGrain(IAlertStore store, TimeProvider time) : Grain, IAlertQueryGrain
{
    public Task<IReadOnlyList<Alert>> List(AlertQuery query) =>
        store.List(FleetAccess.OneFleet("list alerts"), query);

    public Task<Alert?> Acknowledge(AlertAck ack) =>
        store.Acknowledge(FleetAccess.OneFleet("acknowledge an alert"), ack, time.GetUtcNow());
}
