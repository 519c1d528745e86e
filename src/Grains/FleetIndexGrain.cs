using EnergyActors.Grains.Abstractions;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Grains;

/// <summary>
/// One shard of the fleet view, in memory. Membership (vehicle ids, not figures) is persisted, so after a
/// restart the shard wakes its vehicles, which rebuild their windows and report again within seconds.
/// </summary>
public sealed partial class FleetIndexGrain(
    [PersistentState("members", GrainStorage.Name)] IPersistentState<FleetIndexState> members,
    ILogger<FleetIndexGrain> logger) : Grain, IFleetIndexGrain
{
    private static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, FleetEntry> _entries = new(StringComparer.Ordinal);
    private bool _membersDirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(_ => PersistMembersAsync(), new GrainTimerCreationOptions { DueTime = PersistEvery, Period = PersistEvery, KeepAlive = true });
        if (members.State.VehicleIds.Count > 0)
        {
            // Not awaited: each vehicle reports back through Report, which this grain serves meanwhile.
            var ids = members.State.VehicleIds.ToArray();
            this.RegisterGrainTimer(_ => WakeAsync(ids), new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = true });
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await PersistMembersAsync();

    public Task Report(FleetEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = entry.Performance.VehicleId;
        if (!_entries.TryGetValue(id, out var known) || known.ReportedAt <= entry.ReportedAt)
        {
            _entries[id] = entry;
        }

        if (members.State.VehicleIds.Add(id))
        {
            _membersDirty = true;
        }

        return Task.CompletedTask;
    }

    public Task<FleetView> Query(HealthStatus? status, int limit) => Task.FromResult(FleetRanking.View(_entries.Values, status, limit));

    private async Task PersistMembersAsync()
    {
        if (!_membersDirty)
        {
            return;
        }

        _membersDirty = false;
        try
        {
            await members.WriteStateAsync();
        }
        catch (Exception ex)
        {
            _membersDirty = true;
            LogPersistFailed(ex, this.GetPrimaryKeyLong());
        }
    }

    private async Task WakeAsync(string[] vehicleIds)
    {
        foreach (var chunk in vehicleIds.Chunk(256))
        {
            try
            {
                await Task.WhenAll(chunk.Where(id => !_entries.ContainsKey(id)).Select(id => GrainFactory.GetGrain<IVehicleGrain>(id).Publish()));
            }
            catch (Exception ex)
            {
                LogWakeFailed(ex, this.GetPrimaryKeyLong());
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fleet index shard {Shard} could not persist its members; will retry")]
    private partial void LogPersistFailed(Exception exception, long shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fleet index shard {Shard} could not wake some vehicles; they report when next active")]
    private partial void LogWakeFailed(Exception exception, long shard);
}
