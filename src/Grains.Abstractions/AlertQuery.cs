namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// Which alerts to list, newest first: optionally one device, only active (not cleared) or only cleared ones, one
/// state (active, acknowledged or cleared) and one severity.
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.AlertQuery")]
public sealed record AlertQuery(
    [property: Id(0)] string? DeviceId,
    [property: Id(1)] bool? Active,
    [property: Id(2)] int Limit,
    [property: Id(3)] string? State = null,
    [property: Id(4)] string? Severity = null);
