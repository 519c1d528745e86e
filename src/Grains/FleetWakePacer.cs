using Microsoft.Extensions.Options;

namespace EnergyActors.Grains;

/// <summary>
/// One per silo: spaces the vehicle wake-ups of all its fleet index shards evenly at
/// <see cref="AnalyticsOptions.FleetWakePerSecond"/>. Turns are handed out in order; an idle pacer
/// saves up no burst.
/// </summary>
public sealed class FleetWakePacer(TimeProvider time, IOptions<AnalyticsOptions> options)
{
    private readonly long _spacingTicks = TimeSpan.TicksPerSecond / options.Value.FleetWakePerSecond;
    private readonly Lock _lock = new();
    private long _nextTicks;

    /// <summary>Completes when the caller may wake one vehicle.</summary>
    public Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcTicks;
        long turn;
        lock (_lock)
        {
            turn = Math.Max(now, _nextTicks);
            _nextTicks = turn + _spacingTicks;
        }

        return turn <= now ? Task.CompletedTask : Task.Delay(TimeSpan.FromTicks(turn - now), time, cancellationToken);
    }
}
