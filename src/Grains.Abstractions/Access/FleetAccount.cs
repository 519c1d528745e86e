namespace EnergyActors.Grains.Abstractions.Access;

/// <summary>A fleet (a tenant) as registered by an admin.</summary>
[GenerateSerializer, Immutable, Alias("ea.FleetAccount")]
public sealed record FleetAccount(
    [property: Id(0)] string FleetId,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] FleetRateLimits? RateLimits = null);

/// <summary>A fleet's own limits per API key, set by an admin; a null figure is the configured default.</summary>
[GenerateSerializer, Immutable, Alias("ea.FleetRateLimits")]
public sealed record FleetRateLimits(
    [property: Id(0)] int? RequestsPerSecond,
    [property: Id(1)] int? ReadingsPerSecond);

/// <summary>The fleet as created, or as it already was when its id was taken.</summary>
[GenerateSerializer, Immutable, Alias("ea.FleetCreateResult")]
public sealed record FleetCreateResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] FleetAccount Fleet);

/// <summary>How issuing a key ended.</summary>
[GenerateSerializer, Alias("ea.KeyIssue")]
public enum KeyIssue
{
    Issued = 0,

    /// <summary>No fleet has this id.</summary>
    UnknownFleet = 1,

    /// <summary>The key id is held by another key (a random id collided): issue again under a new one.</summary>
    KeyIdTaken = 2,

    /// <summary>The fleet holds <see cref="IFleetAccountGrain.MaxKeys"/> keys already.</summary>
    FleetFull = 3,
}
