namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>History of one site over [From, To): raw rows, or rollups of 15 m, 1 h or 1 d.</summary>
[GenerateSerializer, Immutable, Alias("ea.SiteHistoryQuery")]
public sealed record SiteHistoryQuery(
    [property: Id(0)] string SiteId,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset To,
    [property: Id(3)] string Resolution,
    [property: Id(4)] int Limit);
