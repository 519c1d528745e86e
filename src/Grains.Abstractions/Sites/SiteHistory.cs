namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>An answer to a <see cref="SiteHistoryQuery"/>: raw rows or rollups, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("ea.SiteHistory")]
public sealed record SiteHistory(
    [property: Id(0)] IReadOnlyList<SiteReading> Raw,
    [property: Id(1)] IReadOnlyList<SiteRollup> Rollups);
