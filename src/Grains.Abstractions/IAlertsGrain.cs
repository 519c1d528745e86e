namespace EnergyActors.Grains.Abstractions;

/// <summary>Reads the alert store on behalf of the gateway (a stateless worker: any silo answers).</summary>
[Alias("ea.IAlertsGrain")]
public interface IAlertsGrain : IGrainWithIntegerKey
{
    [Alias("List")]
    Task<IReadOnlyList<Alert>> List(AlertQuery query);
}
