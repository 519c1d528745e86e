namespace EnergyActors.Grains.Abstractions;

/// <summary>Which alerts to list: optionally one device, optionally only active (or only cleared) ones; newest first.</summary>
[GenerateSerializer, Immutable, Alias("ea.AlertQuery")]
public sealed record AlertQuery(
    [property: Id(0)] string? DeviceId,
    [property: Id(1)] bool? Active,
    [property: Id(2)] int Limit);
