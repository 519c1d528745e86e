using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Abstractions.Feeds;

namespace EnergyActors.Grains.Alerts;

/// <summary>
/// How every grain raises and clears its alerts once its gates decided: in the order the rule book lists the kinds,
/// and the device's active kinds change only once the store has changed. A store that cannot be reached is reported
/// and left to the next judgement: the readings that led here are committed already, so failing the call would only
/// make its sender send them again. Each change is told to the fleet's feed once stored.
/// </summary>
internal static class AlertSync
{
    public static async Task SyncAsync(
        this IAlertStore store,
        IFleetFeedGrain feed,
        string fleetId,
        string deviceId,
        ICollection<string> active,
        IEnumerable<(string Kind, bool Raise, bool Clear)> decisions,
        AlertRuleSet rules,
        Func<string, string> message,
        Func<DateTimeOffset> at,
        Action<Exception, string> failed)
    {
        foreach (var (kind, raise, clear) in decisions)
        {
            try
            {
                if (raise && !active.Contains(kind))
                {
                    await store.Raise(fleetId, deviceId, kind, rules.For(kind)?.Severity ?? "critical", message(kind), at());
                    // Checked again: a reentrant grain may have raised the same kind while this call waited on the store.
                    if (!active.Contains(kind))
                    {
                        active.Add(kind);
                    }

                    await feed.Publish(FleetChange.ForAlert(deviceId, kind, active: true));
                }
                else if (clear && active.Contains(kind))
                {
                    await store.Clear(deviceId, kind, at());
                    active.Remove(kind);
                    await feed.Publish(FleetChange.ForAlert(deviceId, kind, active: false));
                }
            }
            catch (Exception ex) when (ex is BackPressureException or TimeoutException)
            {
                failed(ex, kind);
            }
        }
    }
}
