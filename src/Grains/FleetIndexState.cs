namespace EnergyActors.Grains;

/// <summary>The vehicles a fleet index shard has seen, so a restarted shard can ask them to report again.</summary>
[GenerateSerializer, Alias("ea.FleetIndexState")]
public sealed class FleetIndexState
{
    [Id(0)]
    public HashSet<string> VehicleIds { get; set; } = new(StringComparer.Ordinal);
}
