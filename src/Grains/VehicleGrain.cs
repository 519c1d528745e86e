using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Access;
using EnergyActors.Grains.Alerts;
using EnergyActors.Grains.Analytics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace EnergyActors.Grains;

/// <summary>
/// A vehicle's newest reading, its meter link and its rolling 24 h efficiency window. Reentrant so that
/// concurrent readings share group commits; state changes only after the commit. The window is restored
/// on activation (VehicleGrain.Recovery.cs) and then kept up to date by the vehicle's own readings and by the
/// AC energy its meters forward after their commits. Its fleet is in VehicleGrain.Fleet.cs.
/// </summary>
[Reentrant]
public sealed partial class VehicleGrain(
    IHistoryWriter history,
    IHistoryReader historyReader,
    IWindowSnapshotStore windows,
    IAlertStore alerts,
    AlertRulesCache alertRules,
    IDeviceOwners owners,
    TimeProvider time,
    IOptions<AnalyticsOptions> options,
    ILogger<VehicleGrain> logger) : Grain, IVehicleGrain
{
    private static readonly TimeSpan WindowLength = TimeSpan.FromDays(1);

    private readonly EfficiencyWindow _window = new(
        TimeSpan.FromSeconds(options.Value.BucketSeconds),
        futureBuckets: (options.Value.MaxFutureSeconds + options.Value.BucketSeconds - 1) / options.Value.BucketSeconds);
    // A list, not a set: it holds at most two kinds, and one lives in every vehicle grain.
    private readonly List<string> _activeAlerts = [];
    private VehicleReading? _latest;
    private TransactionSnapshot _rebuiltFrom = TransactionSnapshot.None;
    private bool _seen;
    private string? _fleet;
    private FleetReporter? _reporter;

    private string VehicleId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var loaded = await RestoreWindowAsync(now, cancellationToken);
        _latest = loaded.Latest;
        _rebuiltFrom = loaded.Snapshot;
        _seen = loaded.Latest is not null || loaded.EverAttributed;
        _fleet = FleetAccess.Restored(loaded.Fleet, _seen);
        SchedulePersistence();
        if (_seen)
        {
            _activeAlerts.AddRange(loaded.ActiveAlerts.Where(VehicleAlertRules.IsVehicleKind));
            // Restored alerts are judged again now, without the hold-off a reading would start.
            _reporter = new FleetReporter(this, options.Value.FleetReportDelayMilliseconds, TimeSpan.FromSeconds(options.Value.BucketSeconds));
            await AfterChangeAsync();
        }
    }

    public async Task<IngestResult> Ingest(IReadOnlyList<VehicleReading> readings)
    {
        await ClaimForWriteAsync();
        var normalized = ReadingNormalizer.Vehicle(readings);
        var commit = await history.AppendVehicleReadings(VehicleId, normalized);

        var now = time.GetUtcNow();
        var accepted = 0;
        var windowChanged = false;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (!commit.Stored[i])
            {
                continue;
            }

            var reading = normalized[i];
            accepted++;
            _committedSinceStore = true;
            windowChanged |= ApplyDc(reading, now);
            if (_latest is null || reading.Timestamp > _latest.Timestamp)
            {
                _latest = reading;
            }
        }

        if (accepted > 0)
        {
            await TellSilenceWatchAsync();
        }

        // Readings outside the window (backfill of old days) change no figure: nothing to evaluate or report.
        if (windowChanged || (accepted > 0 && !_seen))
        {
            await SeenAsync();
        }

        return commit.ToResult(accepted);
    }

    public Task<VehicleStatus?> GetStatus() =>
        Task.FromResult(_latest is null || !FleetAccess.MayRead(_fleet) ? null : new VehicleStatus(VehicleId, _latest));

    public Task<VehiclePerformance?> GetPerformance() =>
        Task.FromResult(_seen && FleetAccess.MayRead(_fleet) ? Performance(time.GetUtcNow()) : null);

    public async Task AddMeterEnergy(CommittedMeterEnergy energy)
    {
        ArgumentNullException.ThrowIfNull(energy);
        // Committed before this activation read history: the rebuild already counted it.
        if (_rebuiltFrom.Sees(energy.TransactionId))
        {
            return;
        }

        _committedSinceStore = true;
        var now = time.GetUtcNow();
        var windowChanged = false;
        foreach (var reading in energy.Readings)
        {
            windowChanged |= ApplyAc(reading, now);
        }

        if (windowChanged || !_seen)
        {
            await SeenAsync();
        }
    }

    public async Task ReportToFleetIndex()
    {
        if (_reporter is not null)
        {
            await _reporter.ReportNowAsync();
        }
    }

    internal VehiclePerformance CurrentPerformance() => Performance(time.GetUtcNow());

    private VehiclePerformance Performance(DateTimeOffset now)
    {
        var s = _window.Snapshot(now);
        return new VehiclePerformance(
            VehicleId, s.Start, s.End, s.TotalAcKwh, s.TotalDcKwh, s.EfficiencyRatio, s.AvgBatteryTemp, s.VehicleReadings, s.MeterReadings, s.HealthStatus);
    }

    /// <summary>Called by the reporter as the window slides: the verdict can change without any new reading.</summary>
    internal async Task<VehiclePerformance> ReevaluateAsync(bool reading = false)
    {
        var performance = CurrentPerformance();
        await SyncAlertsAsync(performance, reading);
        return performance;
    }

    internal bool HasWindowData => !_window.IsEmpty;

    // A row outside the API's limits (stored before they existed, or sent past the gateway) is logged and left
    // out of the window: one such row must never make every call of this vehicle fail.
    private bool ApplyDc(VehicleReading reading, DateTimeOffset now)
    {
        if (ReadingLimits.IsApplicable(reading))
        {
            return _window.AddDc(reading.Timestamp, reading.KwhDeliveredDc, reading.BatteryTemp, now);
        }

        LogNotApplied(VehicleId, "DC", reading.Timestamp);
        return false;
    }

    private bool ApplyAc(MeterEnergy energy, DateTimeOffset now)
    {
        if (ReadingLimits.IsApplicable(energy))
        {
            return _window.AddAc(energy.Timestamp, energy.KwhConsumedAc, now);
        }

        LogNotApplied(VehicleId, "AC", energy.Timestamp);
        return false;
    }

    private async Task SeenAsync(bool reading = true)
    {
        if (!_seen)
        {
            _seen = true;
            _reporter ??= new FleetReporter(this, options.Value.FleetReportDelayMilliseconds, TimeSpan.FromSeconds(options.Value.BucketSeconds));
        }

        await AfterChangeAsync(reading);
    }

    private async Task AfterChangeAsync(bool reading = false)
    {
        await ReevaluateAsync(reading);
        _reporter?.MarkChanged();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vehicle {VehicleId}: {Side} reading at {Timestamp} is outside the accepted limits; left out of the efficiency window")]
    private partial void LogNotApplied(string vehicleId, string side, DateTimeOffset timestamp);
}
