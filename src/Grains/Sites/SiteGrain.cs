using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Alerts;
using EnergyActors.Grains.Sites.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EnergyActors.Grains.Sites;

/// <summary>
/// A BMS site that simulates itself: a grain timer fires at its interval boundaries, each due interval is
/// stepped through the model, the rows are committed through the history writer, and only then the
/// battery state and latest reading are applied and persisted. A reminder brings a running site back
/// after a silo restart. Not reentrant: ticks, control calls and ingestion never interleave.
/// </summary>
public sealed partial class SiteGrain(
    IHistoryWriter history,
    IWeatherSource weather,
    IAlertStore alerts,
    SimulationClock clock,
    IOptions<SiteOptions> options,
    [PersistentState("site", GrainStorage.Name)] IPersistentState<SiteState> site,
    ILogger<SiteGrain> logger) : Grain, ISiteGrain, IRemindable
{
    private const string ReminderName = "simulate";
    private IGrainTimer? _ticker;
    private int _tickerIntervalMinutes;
    private SiteReplayRun? _replay;

    private string SiteId => this.GetPrimaryKeyString();

    private SiteState State => site.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleTicks();
        return Task.CompletedTask;
    }

    public async Task<SiteCreateResult> Create(SiteConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (State.Config is not null)
        {
            return new SiteCreateResult(false, Info());
        }

        var now = clock.UtcNow;
        State.Config = config;
        State.CreatedAt = now;
        State.Battery = SiteBattery.Initial(SiteSimulation.Spec(config), now);
        State.LastIntervalEnd = SiteSimulation.AlignDown(now, config.IntervalMinutes);
        await site.WriteStateAsync();
        await ISiteRegistryGrain.Index.ShardFor(GrainFactory, SiteId).Add(SiteId);
        await SyncReminderAsync();
        ScheduleTicks();
        LogCreated(SiteId, config.Type, config.IntervalMinutes);
        return new SiteCreateResult(true, Info());
    }

    public Task<SiteInfo?> GetSite() => Task.FromResult(State.Config is null ? null : Info());

    public async Task<SiteInfo?> Patch(SitePatch patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        if (State.Config is not { } config)
        {
            return null;
        }

        State.Config = config with
        {
            Name = patch.Name ?? config.Name,
            IntervalMinutes = patch.IntervalMinutes ?? config.IntervalMinutes,
            Running = patch.Running ?? config.Running,
            BatteryMaxPowerKw = patch.BatteryMaxPowerKw ?? config.BatteryMaxPowerKw,
            SolarCapacityKw = patch.SolarCapacityKw ?? config.SolarCapacityKw,
            InverterCapacityKw = patch.InverterCapacityKw ?? config.InverterCapacityKw,
            LoadProfile = patch.ClearLoadProfile ? null : patch.LoadProfile ?? config.LoadProfile,
        };
        if (!config.Running && State.Config.Running)
        {
            // Resuming: no catch-up for the paused time.
            State.LastIntervalEnd = SiteSimulation.AlignDown(clock.UtcNow, State.Config.IntervalMinutes);
        }

        await site.WriteStateAsync();
        await SyncReminderAsync();
        ScheduleTicks();
        return Info();
    }

    public async Task<bool> Delete()
    {
        if (State.Config is null)
        {
            return false;
        }

        _ticker?.Dispose();
        _ticker = null;
        State.Config = null;
        await SyncReminderAsync();
        await ISiteRegistryGrain.Index.ShardFor(GrainFactory, SiteId).Remove(SiteId);
        await site.ClearStateAsync();
        site.State = new SiteState();
        return true;
    }

    public Task<SiteReading?> GetStatus() => Task.FromResult(State.Latest);

    public async Task<IngestResult> Ingest(IReadOnlyList<SiteReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var normalized = readings.Select(r => r with { Timestamp = HistoryTime.Normalize(r.Timestamp) }).ToArray();
        var commit = await history.AppendSiteReadings(SiteId, normalized);
        var accepted = 0;
        SiteReading? newest = null;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (commit.Stored[i])
            {
                accepted++;
                if (newest is null || normalized[i].Timestamp > newest.Timestamp)
                {
                    newest = normalized[i];
                }
            }
        }

        if (newest is not null && (State.Latest is null || newest.Timestamp > State.Latest.Timestamp))
        {
            await ApplyLatestAsync(newest);
            await site.WriteStateAsync();
        }

        return commit.ToResult(accepted);
    }

    public async Task<SiteInfo?> StartOutage(int minutes)
    {
        if (State.Config is null)
        {
            return null;
        }

        State.OutageUntil = clock.UtcNow.AddMinutes(minutes);
        await site.WriteStateAsync();
        return Info();
    }

    public Task<SiteReplay?> StartReplay(DateTimeOffset replayFrom, DateTimeOffset replayTo)
    {
        if (State.Config is not { } config)
        {
            return Task.FromResult<SiteReplay?>(null);
        }

        if (_replay is { IsRunning: true })
        {
            return Task.FromResult<SiteReplay?>(_replay.Progress);
        }

        _replay = new SiteReplayRun(SiteId, config, replayFrom, replayTo, history);
        var run = _replay;
        // A one-shot timer runs the replay on the grain's scheduler while calls keep being served (Interleave),
        // and keeps the activation alive until it ends.
        IGrainTimer? timer = null;
        timer = this.RegisterGrainTimer(
            async _ =>
            {
                await run.RunAsync();
                timer?.Dispose();
            },
            new GrainTimerCreationOptions { DueTime = TimeSpan.Zero, Period = Timeout.InfiniteTimeSpan, Interleave = true, KeepAlive = true });
        return Task.FromResult<SiteReplay?>(run.Progress);
    }

    public Task<SiteReplay?> GetReplay() => Task.FromResult(_replay?.Progress);

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    private SiteInfo Info() => new(SiteId, State.Config!, State.CreatedAt, State.OutageUntil > clock.UtcNow ? State.OutageUntil : null);

    private bool Simulating => State.Config is { Simulate: true, Running: true };

    private void ScheduleTicks()
    {
        if (!Simulating)
        {
            _ticker?.Dispose();
            _ticker = null;
            return;
        }

        var minutes = State.Config!.IntervalMinutes;
        if (_ticker is not null && _tickerIntervalMinutes == minutes)
        {
            return;
        }

        _ticker?.Dispose();
        _tickerIntervalMinutes = minutes;
        var poll = options.Value.PollMilliseconds;
        var (due, period) = poll > 0
            ? (TimeSpan.FromMilliseconds(poll), TimeSpan.FromMilliseconds(poll))
            : (SiteSimulation.AlignUp(clock.UtcNow, minutes) - clock.UtcNow + TimeSpan.FromMilliseconds(20), TimeSpan.FromMinutes(minutes));
        _ticker = this.RegisterGrainTimer(_ => TickAsync(), new GrainTimerCreationOptions { DueTime = due, Period = period, KeepAlive = true });
    }

    private async Task SyncReminderAsync()
    {
        try
        {
            if (Simulating)
            {
                var period = TimeSpan.FromMinutes(options.Value.ReminderMinutes);
                await this.RegisterOrUpdateReminder(ReminderName, period, period);
            }
            else if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The timer keeps the site running meanwhile; only a restart without the reminder would pause it.
            LogReminderFailed(ex, SiteId);
        }
    }

    /// <summary>Simulates every interval that has ended since the last one, commits them, then applies them.</summary>
    private async Task TickAsync()
    {
        if (!Simulating)
        {
            return;
        }

        var config = State.Config!;
        var now = clock.UtcNow;
        var last = State.LastIntervalEnd ?? SiteSimulation.AlignDown(now, config.IntervalMinutes);
        var oldest = SiteSimulation.AlignDown(now.AddHours(-options.Value.MaxCatchUpHours), config.IntervalMinutes);
        if (last < oldest)
        {
            last = oldest;
        }

        var ends = SiteSimulation.DueIntervalEnds(last, now, config.IntervalMinutes);
        if (ends.Count == 0)
        {
            return;
        }

        try
        {
            var spec = SiteSimulation.Spec(config);
            var battery = State.Battery!;
            var rows = new List<SiteReading>(ends.Count);
            var start = last;
            foreach (var end in ends)
            {
                var sample = await weather.Sample(spec, end, CancellationToken.None);
                var outage = State.OutageUntil is { } until && until > start;
                var step = SiteModel.Step(spec, battery, end, end - start, sample, outage);
                rows.Add(SiteSimulation.ToReading(step.Reading, end - start));
                battery = step.Next;
                start = end;
            }

            // Write-ahead: history first; a retry after a failure recomputes the same rows from the same state.
            await history.AppendSiteReadings(SiteId, rows);
            State.Battery = battery;
            State.LastIntervalEnd = ends[^1];
            if (State.Latest is null || rows[^1].Timestamp >= State.Latest.Timestamp)
            {
                await ApplyLatestAsync(rows[^1]);
            }

            await site.WriteStateAsync();
        }
        catch (Exception ex) when (ex is BackPressureException or TimeoutException or OrleansException)
        {
            LogTickFailed(ex, SiteId);
        }
    }

    private Task ApplyLatestAsync(SiteReading reading)
    {
        State.Latest = reading;
        return alerts.SyncAsync(
            SiteId,
            State.ActiveAlerts,
            SiteAlertRules.Conditions(reading, options.Value.OverTemperatureC),
            kind => SiteAlertRules.Message(kind, reading),
            () => reading.Timestamp,
            (exception, kind) => LogAlertFailed(exception, SiteId, kind));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site {SiteId} created ({Type}, every {IntervalMinutes} min)")]
    private partial void LogCreated(string siteId, string type, int intervalMinutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site {SiteId}: interval not committed; it is simulated again at the next tick")]
    private partial void LogTickFailed(Exception exception, string siteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site {SiteId}: reminder not updated")]
    private partial void LogReminderFailed(Exception exception, string siteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site {SiteId}: alert {Kind} not stored; will retry")]
    private partial void LogAlertFailed(Exception exception, string siteId, string kind);
}
