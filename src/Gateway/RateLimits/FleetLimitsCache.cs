using System.Collections.Concurrent;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.Extensions.Options;

namespace EnergyActors.Gateway.RateLimits;

/// <summary>
/// Each fleet's own limits as an admin set them, read from its account grain at most once per
/// <see cref="RateLimitOptions.FleetLimitsCacheSeconds"/> on this gateway, so a change applies everywhere within
/// seconds without a grain call per request. While the cluster cannot be asked, the limits read last stay.
/// </summary>
public sealed partial class FleetLimitsCache(IGrainFactory grains, TimeProvider time, IOptions<RateLimitOptions> options, ILogger<FleetLimitsCache> logger)
{
    private readonly ConcurrentDictionary<string, Entry> _fleets = new(StringComparer.Ordinal);
    private readonly TimeSpan _ttl = TimeSpan.FromSeconds(options.Value.FleetLimitsCacheSeconds);

    public async ValueTask<CallerLimits> ForAsync(string keyId, string fleetId)
    {
        var defaults = options.Value;
        var own = await FleetsOwnAsync(fleetId);
        return new CallerLimits(keyId, own?.RequestsPerSecond ?? defaults.RequestsPerSecond, own?.ReadingsPerSecond ?? defaults.ReadingsPerSecond);
    }

    private async ValueTask<FleetRateLimits?> FleetsOwnAsync(string fleetId)
    {
        var now = time.GetTimestamp();
        if (_fleets.TryGetValue(fleetId, out var known) && time.GetElapsedTime(known.ReadAt, now) < _ttl)
        {
            return known.Limits;
        }

        try
        {
            var limits = await grains.GetGrain<IFleetAccountGrain>(fleetId).GetRateLimits();
            _fleets[fleetId] = new Entry(limits, now);
            return limits;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogUnread(ex, fleetId);
            return known?.Limits;
        }
    }

    private sealed record Entry(FleetRateLimits? Limits, long ReadAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the rate limits of fleet {FleetId}; keeping the ones read last")]
    private partial void LogUnread(Exception exception, string fleetId);
}
