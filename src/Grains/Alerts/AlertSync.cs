using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Feeds;

namespace EnergyActors.Grains.Alerts;

/// <summary>
/// How every grain raises and clears its alerts: a kind that should be active and is not is raised, one that should
/// not be and is gets cleared, in the order the rule lists them, and the device's active kinds change only once the
/// store has changed. A store that cannot be reached is reported and left to the next evaluation: the readings that
/// led here are committed already, so failing the call would only make its sender send them again. Each change is
/// told to the fleet's feed once stored.
/// </summary>
internal static class AlertSync
{
    public static async Task SyncAsync(
        this IAlertStore store,
        IFleetFeedGrain feed,
        string fleetId,
        string deviceId,
        ICollection<string> active,
        IEnumerable<AlertCondition> conditions,
        Func<string, string> message,
        Func<DateTimeOffset> at,
        Action<Exception, string> failed)
    {
        foreach (var condition in conditions)
        {
            var kind = condition.Kind;
            try
            {
                if (condition.Raise && !active.Contains(kind))
                {
                    await store.Raise(fleetId, deviceId, kind, message(kind), at());
                    // Checked again: a reentrant grain may have raised the same kind while this call waited on the store.
                    if (!active.Contains(kind))
                    {
                        active.Add(kind);
                    }

                    await feed.Publish(FleetChange.ForAlert(deviceId, kind, active: true));
                }
                else if (condition.Clear && active.Contains(kind))
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
