using System.Collections.Concurrent;
using EnergyActors.Grains.Abstractions.Alerts;

namespace EnergyActors.Grains.Alerts;

/// <summary>
/// Each silo's copy of the fleets' alert rules, so a device grain judges every reading without a call of its own.
/// Rules older than <see cref="Freshness"/> are still used while one read (never more) fetches them again from the
/// fleet's rules grain, so a change reaches every device within a few seconds; only a fleet's very first read is
/// waited for.
/// </summary>
public sealed class AlertRulesCache(IGrainFactory grains, TimeProvider time)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _fleets = new(StringComparer.Ordinal);

    private IGrainFactory Grains => grains;

    private TimeProvider Time => time;

    public ValueTask<AlertRuleSet> GetAsync(string fleetId)
    {
        var entry = _fleets.GetOrAdd(fleetId, static (_, self) => new Entry(self), this);
        return entry.GetAsync(fleetId);
    }

    /// <summary>Forgets what was read, so the next judgement reads the rules again (tests that change rules and judge at once).</summary>
    public void Invalidate(string fleetId) => _fleets.TryRemove(fleetId, out _);

    private sealed class Entry(AlertRulesCache cache)
    {
        private readonly Lock _gate = new();
        private AlertRuleSet? _rules;
        private DateTimeOffset _readAt;
        private Task<AlertRuleSet>? _reading;

        public ValueTask<AlertRuleSet> GetAsync(string fleetId)
        {
            lock (_gate)
            {
                var fresh = _rules is not null && cache.Time.GetUtcNow() - _readAt < Freshness;
                if (!fresh && _reading is not { IsCompleted: false })
                {
                    _reading = ReadAsync(fleetId);
                }

                return _rules is { } rules ? new(rules) : new(_reading!);
            }
        }

        private async Task<AlertRuleSet> ReadAsync(string fleetId)
        {
            try
            {
                var rules = await cache.Grains.GetGrain<IAlertRulesGrain>(fleetId).ForDevices();
                lock (_gate)
                {
                    (_rules, _readAt) = (rules, cache.Time.GetUtcNow());
                }

                return rules;
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // The rules as they were (or the defaults, before any read) rather than devices left unjudged.
                return _rules ?? AlertRuleBook.Defaults;
            }
            finally
            {
                lock (_gate)
                {
                    _reading = null;
                }
            }
        }
    }
}
