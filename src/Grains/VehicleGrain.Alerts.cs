using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Abstractions.Feeds;
using EnergyActors.Grains.Alerts;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Grains;

/// <summary>
/// A vehicle's efficiency alerts, judged by its fleet's rules after every change of its window and as the window
/// slides. A healthy vehicle with nothing active or pending costs no more than the rules' lookup.
/// </summary>
public sealed partial class VehicleGrain
{
    private static readonly TimeSpan SilenceReportPeriod = TimeSpan.FromMinutes(1);

    // Allocated when a condition first holds; most vehicles never need it.
    private AlertGates? _gates;
    private IGrainTimer? _alertTimer;
    private DateTimeOffset _silenceToldAt;

    /// <summary>Tells the fleet's silence watch the vehicle reported, at most once a minute (one-way: nothing waits).</summary>
    private Task TellSilenceWatchAsync()
    {
        var now = time.GetUtcNow();
        if (now - _silenceToldAt < SilenceReportPeriod)
        {
            return Task.CompletedTask;
        }

        _silenceToldAt = now;
        return ISilenceWatchGrain.Watch.ShardFor(GrainFactory, Fleet, VehicleId).Seen(VehicleId, 0);
    }

    private async Task SyncAlertsAsync(VehiclePerformance performance, bool reading)
    {
        var rules = await alertRules.GetAsync(Fleet);
        var conditions = VehicleAlertRules.Conditions(performance, rules);
        if (_activeAlerts.Count == 0 && (_gates is null || _gates.IsIdle) && !conditions.Any(c => c.Raise))
        {
            return;
        }

        _gates ??= new AlertGates();
        var now = time.GetUtcNow();
        var decisions = _gates.Judge(conditions, _activeAlerts, now, reading);
        await alerts.SyncAsync(
            GrainFactory.GetGrain<IFleetFeedGrain>(Fleet),
            Fleet,
            VehicleId,
            _activeAlerts,
            decisions,
            rules,
            kind => VehicleAlertRules.Message(kind, performance, rules),
            time.GetUtcNow,
            (exception, kind) => LogAlertFailed(exception, VehicleId, kind));
        ScheduleAlertJudgement(now);
    }

    /// <summary>A raise or clear waiting out its hold-off is judged when due, whether or not a reading comes.</summary>
    private void ScheduleAlertJudgement(DateTimeOffset now)
    {
        _alertTimer?.Dispose();
        _alertTimer = null;
        if (_gates?.NextDue is { } due)
        {
            _alertTimer = this.RegisterGrainTimer(
                () => ReevaluateAsync(),
                new GrainTimerCreationOptions { DueTime = due - now + TimeSpan.FromMilliseconds(10), Period = Timeout.InfiniteTimeSpan, Interleave = true, KeepAlive = true });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Vehicle {VehicleId}: alert {Kind} not stored; will retry at the next evaluation")]
    private partial void LogAlertFailed(Exception exception, string vehicleId, string kind);
}
