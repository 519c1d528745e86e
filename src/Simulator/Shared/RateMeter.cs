using System.Diagnostics;

namespace EnergyActors.Simulator.Shared;

/// <summary>The rate of a growing total since the previous sample: the "now" figure beside a run's average.</summary>
internal sealed class RateMeter
{
    private long _lastTotal;
    private long _lastAt = Stopwatch.GetTimestamp();

    public double PerSecond(long total)
    {
        var now = Stopwatch.GetTimestamp();
        var seconds = Math.Max(Stopwatch.GetElapsedTime(_lastAt, now).TotalSeconds, 0.001);
        var rate = (total - _lastTotal) / seconds;
        (_lastTotal, _lastAt) = (total, now);
        return rate;
    }
}
