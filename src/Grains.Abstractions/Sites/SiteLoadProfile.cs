namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>A custom load shape: 24 relative hourly weights for weekdays and for weekends (site local time).</summary>
[GenerateSerializer, Immutable, Alias("ea.SiteLoadProfile")]
public sealed record SiteLoadProfile(
    [property: Id(0)] IReadOnlyList<double> Weekday,
    [property: Id(1)] IReadOnlyList<double> Weekend);
