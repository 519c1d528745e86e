using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Grains.Sites;

/// <summary>Replays of a past period, run beside the live site without touching its battery.</summary>
public sealed partial class SiteGrain
{
    private SiteReplayRun? _replay;

    public Task<SiteReplay?> StartReplay(DateTimeOffset replayFrom, DateTimeOffset replayTo)
    {
        if (State.Config is not { } config)
        {
            return Task.FromResult<SiteReplay?>(null);
        }

        DemandWrite();
        if (_replay is { IsRunning: true })
        {
            return Task.FromResult<SiteReplay?>(_replay.Progress);
        }

        _replay = new SiteReplayRun(SiteId, config, replayFrom, replayTo, history, WeatherAt);
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

    public Task<SiteReplay?> GetReplay() => Task.FromResult(Readable ? _replay?.Progress : null);
}
