namespace EnergyActors.Grains.Abstractions;

/// <summary>Reads and acknowledges the calling fleet's alerts in the store for the gateway (a stateless worker: any silo answers).</summary>
/// <remarks>The alias is its former name's, IAlertsGrain: clients and silos identify the interface by it.</remarks>
[Alias("ea.IAlertsGrain")]
public interface IAlertQueryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<IReadOnlyList<Alert>> List(AlertQuery query);

    /// <summary>The alert as acknowledged (or as it was, when someone acknowledged it first); null when the fleet has no such alert.</summary>
    [Alias("Acknowledge")]
    Task<Alert?> Acknowledge(AlertAck ack);
}
