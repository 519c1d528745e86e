namespace EnergyActors.Grains.Abstractions.Access;

/// <summary>
/// A key as issued: its id (public, part of the key text), the fleet and role it acts with, and the hash of its
/// secret. The secret itself never reaches the cluster: the gateway that made it shows it once and keeps nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.ApiKeyGrant")]
public sealed record ApiKeyGrant(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string FleetId,
    [property: Id(2)] ApiKeyRole Role,
    [property: Id(3)] string Name,
    [property: Id(4)] byte[] SecretHash,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? ExpiresAt)
{
    /// <summary>What a listing shows of it: everything but the hash.</summary>
    public ApiKeyInfo Info => new(KeyId, FleetId, Role, Name, CreatedAt, ExpiresAt);
}

/// <summary>A key as listed under its fleet, without anything secret.</summary>
[GenerateSerializer, Immutable, Alias("ea.ApiKeyInfo")]
public sealed record ApiKeyInfo(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string FleetId,
    [property: Id(2)] ApiKeyRole Role,
    [property: Id(3)] string Name,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset? ExpiresAt);

/// <summary>What a gateway needs to judge a presented key: whose it is, its hash, and until when it holds.</summary>
[GenerateSerializer, Immutable, Alias("ea.ApiKeyCredential")]
public sealed record ApiKeyCredential(
    [property: Id(0)] string FleetId,
    [property: Id(1)] ApiKeyRole Role,
    [property: Id(2)] byte[] SecretHash,
    [property: Id(3)] DateTimeOffset? ExpiresAt,
    [property: Id(4)] DateTimeOffset? RevokedAt);
