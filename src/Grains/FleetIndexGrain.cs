using EnergyActors.Grains.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnergyActors.Grains;

/// <summary>
/// One shard of a fleet's view (key: shard number, extended by the fleet id), in memory and in <see cref="IFleetEntryStore"/>. A restarted shard answers
/// at once from the figures it stored, marked not refreshed until their vehicle reports again. Vehicles
/// report again when they next ingest or are queried, or when the shard wakes them at the silo's
/// bounded pace (<see cref="FleetWakePacer"/>): waking a whole fleet at once, each vehicle rebuilding its
/// window from history, would starve ingestion for minutes after every restart.
/// </summary>
public sealed partial class FleetIndexGrain(
    IFleetEntryStore store,
    FleetWakePacer pacer,
    IOptions<AnalyticsOptions> options,
    ILogger<FleetIndexGrain> logger) : Grain, IFleetIndexGrain
{
    private readonly Dictionary<string, FleetEntry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private bool _deactivating;

    private int Shard => (int)this.GetPrimaryKeyLong(out _);

    private string Fleet
    {
        get
        {
            this.GetPrimaryKeyLong(out var fleet);
            return fleet!;
        }
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await store.Load(Fleet, Shard, cancellationToken))
        {
            _entries[entry.Performance.VehicleId] = entry;
        }

        var period = TimeSpan.FromMilliseconds(options.Value.FleetStoreMilliseconds);
        this.RegisterGrainTimer(_ => StoreChangedAsync(), new GrainTimerCreationOptions { DueTime = period, Period = period });
        ScheduleFeed();
        // Only vehicles with readings in their window: theirs are the verdicts that slide while nothing arrives.
        // An empty window's stored figures are what its vehicle would report; it refreshes them when it next
        // ingests or is queried. Oldest reports first.
        var toWake = _entries.Values
            .Where(e => e.Performance.VehicleReadings + e.Performance.MeterReadings > 0)
            .OrderBy(e => e.ReportedAt)
            .Select(e => e.Performance.VehicleId)
            .ToArray();
        if (toWake.Length > 0)
        {
            // Interleaved, so Report (how a woken vehicle answers) and Query are served while it runs.
            this.RegisterGrainTimer(_ => WakeAsync(toWake), new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = true });
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivating = true;
        await StoreChangedAsync();
    }

    public Task Report(FleetEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = entry.Performance.VehicleId;
        if (!_entries.TryGetValue(id, out var known) || known.ReportedAt <= entry.ReportedAt)
        {
            _entries[id] = entry;
            _changed.Add(id);
            _unpublished.Add(id);
        }

        return Task.CompletedTask;
    }

    public Task<FleetView> Query(HealthStatus? status, int limit) => Task.FromResult(FleetRanking.View(_entries.Values, status, limit));

    /// <summary>Only entries reported since the last write, in one batch: the store is a restart's starting point, not the live view.</summary>
    private async Task StoreChangedAsync()
    {
        if (_changed.Count == 0)
        {
            return;
        }

        var batch = _changed.Select(id => _entries[id]).ToList();
        _changed.Clear();
        try
        {
            await store.Save(Fleet, Shard, batch);
        }
        catch (Exception ex)
        {
            // The newest entry for each id is written next time, whichever it is by then.
            _changed.UnionWith(batch.Select(e => e.Performance.VehicleId));
            LogStoreFailed(ex, Fleet, Shard, batch.Count);
        }
    }

    private async Task WakeAsync(string[] vehicleIds)
    {
        var failed = 0;
        Exception? lastFailure = null;
        foreach (var id in vehicleIds)
        {
            if (IsRefreshed(id))
            {
                continue;
            }

            await pacer.WaitTurnAsync(CancellationToken.None);
            if (_deactivating)
            {
                return;
            }

            // The vehicle may have reported by itself while this shard waited for its turn.
            if (IsRefreshed(id))
            {
                continue;
            }

            try
            {
                await GrainFactory.GetGrain<IVehicleGrain>(id).ReportToFleetIndex();
            }
            catch (Exception ex)
            {
                failed++;
                lastFailure = ex;
            }
        }

        if (lastFailure is not null)
        {
            LogWakeFailed(lastFailure, Fleet, Shard, failed);
        }
    }

    private bool IsRefreshed(string vehicleId) => !_entries.TryGetValue(vehicleId, out var entry) || entry.Refreshed;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fleet {Fleet} index shard {Shard} could not store {Entries} changed entries; will retry")]
    private partial void LogStoreFailed(Exception exception, string fleet, int shard, int entries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fleet {Fleet} index shard {Shard} could not wake {Vehicles} vehicle(s); they report when next active")]
    private partial void LogWakeFailed(Exception exception, string fleet, int shard, int vehicles);
}
