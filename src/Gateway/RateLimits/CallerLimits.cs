namespace EnergyActors.Gateway.RateLimits;

/// <summary>
/// The limits the current request's key is held to; absent for a caller that is not limited. Every request made with
/// one key shares its buckets (on this gateway): <see cref="KeyId"/> is the partition.
/// </summary>
public sealed record CallerLimits(string KeyId, int RequestsPerSecond, int ReadingsPerSecond);
