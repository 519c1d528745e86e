using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Grains.Access;

/// <summary>A fleet as stored: its account (null until created) and its keys that are not revoked, by key id.</summary>
[GenerateSerializer, Alias("ea.FleetAccountState")]
public sealed class FleetAccountState
{
    [Id(0)]
    public FleetAccount? Account { get; set; }

    [Id(1)]
    public Dictionary<string, ApiKeyInfo> Keys { get; set; } = new(StringComparer.Ordinal);
}
