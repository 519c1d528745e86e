namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>Progress of a replay: a past period simulated as fast as possible into history.</summary>
[GenerateSerializer, Immutable, Alias("ea.SiteReplay")]
public sealed record SiteReplay(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] int IntervalsDone,
    [property: Id(3)] int IntervalsTotal,
    [property: Id(4)] string State,
    [property: Id(5)] string? Error);
