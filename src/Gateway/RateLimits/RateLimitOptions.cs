using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Gateway.RateLimits;

/// <summary>
/// What one API key may send per second when its fleet has no limits of its own (section <c>Auth:RateLimits</c>);
/// an admin overrides them per fleet. Callers without a key (anonymous local mode, loopback only) are not limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Auth:RateLimits";

    public const int MaxRequestsPerSecond = 1_000_000;

    public const int MaxReadingsPerSecond = 10_000_000;

    /// <summary>Requests per second per key, any endpoint.</summary>
    [Range(1, MaxRequestsPerSecond)]
    public int RequestsPerSecond { get; set; } = 1_000;

    /// <summary>Readings per second per key: a batch of n readings takes n.</summary>
    [Range(1, MaxReadingsPerSecond)]
    public int ReadingsPerSecond { get; set; } = 100_000;

    /// <summary>How long a gateway keeps a fleet's limits before reading them again: a change applies within this and a read.</summary>
    [Range(1, 4)]
    public int FleetLimitsCacheSeconds { get; set; } = 2;
}
