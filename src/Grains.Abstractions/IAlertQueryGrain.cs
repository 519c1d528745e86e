namespace EnergyActors.Grains.Abstractions;

/// <summary>Reads the alert store on behalf of the gateway (a stateless worker: any silo answers).</summary>
/// <remarks>The alias is its former name's, IAlertsGrain: clients and silos identify the interface by it.</remarks>
[Alias("ea.IAlertsGrain")]
public interface IAlertQueryGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<IReadOnlyList<Alert>> List(AlertQuery query);
}
