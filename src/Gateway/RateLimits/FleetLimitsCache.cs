using System.Collections.Concurrent;
using EnergyActors.Grains.Abstractions.Access;
using Microsoft.Extensions.Options;

namespace EnergyActors.Gateway.RateLimits;

/// <summary>
/// Each fleet's own limits as an admin set them, read from its account grain at most once per
/// <see cref="RateLimitOptions.FleetLimitsCacheSeconds"/> on this gateway, so a change applies everywhere within
/// seconds without a grain call per request. Only a fleet's first request waits for the read: later ones are answered
/// from the limits read last while one read in the background refreshes them, so a read that hangs (its silo stopping
/// under it) never holds up a request. While the cluster cannot be asked, the limits read last stay.
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

    private ValueTask<FleetRateLimits?> FleetsOwnAsync(string fleetId)
    {
        var now = time.GetTimestamp();
        if (!_fleets.TryGetValue(fleetId, out var known))
        {
            return new(ReadAsync(fleetId, now, fallback: null));
        }

        // The first request to find the entry stale dates it now, so it alone starts the refresh.
        if (time.GetElapsedTime(known.ReadAt, now) >= _ttl && _fleets.TryUpdate(fleetId, known with { ReadAt = now }, known))
        {
            _ = ReadAsync(fleetId, now, known.Limits);
        }

        return new(known.Limits);
    }

    private async Task<FleetRateLimits?> ReadAsync(string fleetId, long now, FleetRateLimits? fallback)
    {
        try
        {
            var limits = await grains.GetGrain<IFleetAccountGrain>(fleetId).GetRateLimits();
            _fleets[fleetId] = new Entry(limits, now);
            return limits;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogUnread(ex, fleetId);
            return fallback;
        }
    }

    private sealed record Entry(FleetRateLimits? Limits, long ReadAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the rate limits of fleet {FleetId}; keeping the ones read last")]
    private partial void LogUnread(Exception exception, string fleetId);
}
