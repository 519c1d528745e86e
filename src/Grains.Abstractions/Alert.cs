namespace EnergyActors.Grains.Abstractions;

/// <summary>A threshold crossing raised by a grain and stored in PostgreSQL; active until <see cref="ClearedAt"/> is set.</summary>
[GenerateSerializer, Immutable, Alias("ea.Alert")]
public sealed record Alert(
    [property: Id(0)] long Id,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Message,
    [property: Id(4)] DateTimeOffset RaisedAt,
    [property: Id(5)] DateTimeOffset? ClearedAt);
