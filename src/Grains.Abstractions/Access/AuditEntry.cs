namespace EnergyActors.Grains.Abstractions.Access;

/// <summary>
/// One change an operator or admin asked for: who (key id, and the fleet the call acted for), what (the action, e.g.
/// <c>DELETE /v1/sites/{siteId}</c>, and its target path), when, and how it was answered (HTTP status).
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string KeyId,
    [property: Id(3)] string? FleetId,
    [property: Id(4)] string Action,
    [property: Id(5)] string Target,
    [property: Id(6)] int Status);

/// <summary>Which audit entries to list: optionally one fleet's, optionally only those older than the entry <see cref="Before"/>; newest first.</summary>
[GenerateSerializer, Immutable, Alias("ea.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] string? FleetId,
    [property: Id(1)] long? Before,
    [property: Id(2)] int Limit);
