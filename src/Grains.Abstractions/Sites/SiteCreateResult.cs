namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>The site as created, or as it already was when its id was taken.</summary>
[GenerateSerializer, Immutable, Alias("ea.SiteCreateResult")]
public sealed record SiteCreateResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] SiteInfo Site);
