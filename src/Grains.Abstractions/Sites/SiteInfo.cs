namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>A registered site as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("ea.SiteInfo")]
public sealed record SiteInfo(
    [property: Id(0)] string SiteId,
    [property: Id(1)] SiteConfig Config,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset? OutageUntil);
