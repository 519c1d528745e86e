using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Abstractions.Feeds;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Grains.Alerts;

/// <summary>
/// One shard of a fleet's silence watch: when each of its devices last reported, checked every
/// <see cref="SilenceClock.CheckPeriod"/> against the fleet's DEVICE_SILENT rule. What it knows is stored every few minutes, and
/// a reminder brings it back after a restart, so a device that never reports again is still noticed. An alert's own state is in the alert store: a restart that
/// forgets a change only repeats a raise or clear the store takes once.
/// </summary>
[GrainType("silence-watch")]
public sealed partial class SilenceWatchGrain(
    IAlertStore alerts,
    AlertRulesCache alertRules,
    SilenceClock clock,
    [PersistentState("silence", GrainStorage.Name)] IPersistentState<SilenceWatchState> stored,
    ILogger<SilenceWatchGrain> logger) : Grain, ISilenceWatchGrain, IRemindable
{
    // A busy fleet's devices report every minute; when each last did matters to the minute only after a restart.
    private static readonly TimeSpan StorePeriod = TimeSpan.FromMinutes(2);

    private bool _dirty;
    private DateTimeOffset _storedAt;

    private string Fleet => this.GetPrimaryKeyLong(out var fleet) >= 0 ? fleet! : string.Empty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(CheckAsync, new GrainTimerCreationOptions { DueTime = clock.CheckPeriod, Period = clock.CheckPeriod, Interleave = false, KeepAlive = true });
        await this.RegisterOrUpdateReminder("silence-watch", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), cancellationToken);
    }

    // Activation is all the reminder is for: the timer does the checking.
    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public async Task Seen(string deviceId, int expectedGapMinutes)
    {
        stored.State.Devices[deviceId] = new SilenceEntry(clock.UtcNow, expectedGapMinutes, stored.State.Devices.TryGetValue(deviceId, out var was) && was.Alerted);
        _dirty = true;
        if (was?.Alerted == true)
        {
            await ChangeAsync(deviceId, raise: false, null);
        }
    }

    public Task<DateTimeOffset?> LastSeen(string deviceId) =>
        Task.FromResult(stored.State.Devices.TryGetValue(deviceId, out var entry) ? entry.LastSeen : (DateTimeOffset?)null);

    public async Task Forget(string deviceId)
    {
        if (stored.State.Devices.Remove(deviceId, out var was))
        {
            _dirty = true;
            if (was.Alerted)
            {
                await ChangeAsync(deviceId, raise: false, null);
            }
        }
    }

    private async Task CheckAsync()
    {
        var rule = (await alertRules.GetAsync(Fleet)).For(AlertKinds.DeviceSilent);
        var now = clock.UtcNow;
        foreach (var (deviceId, entry) in stored.State.Devices.ToList())
        {
            var allowed = TimeSpan.FromMinutes(Math.Max(rule?.Threshold ?? double.MaxValue, 2.0 * entry.ExpectedGapMinutes));
            var silent = rule is { Enabled: true } && now - entry.LastSeen >= allowed;
            if (silent != entry.Alerted)
            {
                await ChangeAsync(deviceId, silent, rule);
            }
        }

        if (_dirty && now - _storedAt >= StorePeriod)
        {
            _dirty = false;
            _storedAt = now;
            await stored.WriteStateAsync();
        }
    }

    private async Task ChangeAsync(string deviceId, bool raise, AlertRule? rule)
    {
        var now = clock.UtcNow;
        var entry = stored.State.Devices.GetValueOrDefault(deviceId);
        try
        {
            if (raise)
            {
                var minutes = (int)(now - entry!.LastSeen).TotalMinutes;
                await alerts.Raise(Fleet, deviceId, AlertKinds.DeviceSilent, rule!.Severity, $"No reading for {minutes} min (last at {entry.LastSeen.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).", now);
            }
            else
            {
                await alerts.Clear(deviceId, AlertKinds.DeviceSilent, now);
            }
        }
        catch (Exception ex) when (ex is BackPressureException or TimeoutException)
        {
            LogAlertFailed(ex, deviceId);
            return;
        }

        if (entry is not null)
        {
            stored.State.Devices[deviceId] = entry with { Alerted = raise };
        }

        _dirty = true;
        await GrainFactory.GetGrain<IFleetFeedGrain>(Fleet).Publish(FleetChange.ForAlert(deviceId, AlertKinds.DeviceSilent, active: raise));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DEVICE_SILENT for {DeviceId} not stored; will retry at the next check")]
    private partial void LogAlertFailed(Exception exception, string deviceId);
}

/// <summary>When a device last reported, how long it may normally be quiet, and whether it is alerted as silent.</summary>
[GenerateSerializer, Immutable, Alias("ea.SilenceEntry")]
public sealed record SilenceEntry([property: Id(0)] DateTimeOffset LastSeen, [property: Id(1)] int ExpectedGapMinutes, [property: Id(2)] bool Alerted);

[GenerateSerializer, Alias("ea.SilenceWatchState")]
public sealed class SilenceWatchState
{
    [Id(0)]
    public Dictionary<string, SilenceEntry> Devices { get; set; } = new(StringComparer.Ordinal);
}
