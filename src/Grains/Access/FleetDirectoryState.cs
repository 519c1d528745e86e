using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Grains.Access;

/// <summary>The fleets by id, and whether an admin key was ever issued.</summary>
[GenerateSerializer, Alias("ea.FleetDirectoryState")]
public sealed class FleetDirectoryState
{
    [Id(0)]
    public SortedDictionary<string, FleetAccount> Fleets { get; set; } = new(StringComparer.Ordinal);

    [Id(1)]
    public bool AdminKeyIssued { get; set; }
}
