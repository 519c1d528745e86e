using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Grains.Access;

/// <summary>One key as stored: the grant while it holds, and when it was revoked.</summary>
[GenerateSerializer, Alias("ea.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)]
    public ApiKeyGrant? Grant { get; set; }

    [Id(1)]
    public DateTimeOffset? RevokedAt { get; set; }
}
