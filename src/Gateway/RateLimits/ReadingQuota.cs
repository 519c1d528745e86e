using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.RateLimits;

/// <summary>Readings per second per key: ingestion takes one permit per valid reading, before any grain is called.</summary>
public sealed class ReadingQuota : IDisposable
{
    private readonly PartitionedRateLimiter<CallerLimits> _limiter = PartitionedRateLimiter.Create<CallerLimits, (string KeyId, int PerSecond)>(
        limits => RateLimitPartition.GetTokenBucketLimiter((limits.KeyId, limits.ReadingsPerSecond), key => KeyRateLimits.Bucket(key.Item2)));

    /// <summary>Null when the request may store <paramref name="readings"/> readings; otherwise the 429 to answer.</summary>
    public ProblemHttpResult? Refusal(HttpContext context, int readings)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (readings == 0 || context.Features.Get<CallerLimits>() is not { } limits)
        {
            return null;
        }

        if (readings > limits.ReadingsPerSecond)
        {
            return KeyRateLimits.TooMany(
                context,
                TimeSpan.FromSeconds(1),
                $"This request holds {readings} readings, more than this API key's fleet may send in a second ({limits.ReadingsPerSecond}); send smaller batches.");
        }

        using var lease = _limiter.AttemptAcquire(limits, readings);
        if (lease.IsAcquired)
        {
            return null;
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return KeyRateLimits.TooMany(context, retryAfter, "This API key sent more readings per second than its fleet's limit.");
    }

    public void Dispose() => _limiter.Dispose();
}
