namespace EnergyActors.Grains.Sites;

/// <summary>The site ids one registry shard holds.</summary>
[GenerateSerializer, Alias("ea.SiteRegistryState")]
public sealed class SiteRegistryState
{
    [Id(0)]
    public SortedSet<string> SiteIds { get; set; } = new(StringComparer.Ordinal);
}
