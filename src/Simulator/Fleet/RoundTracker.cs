namespace EnergyActors.Simulator.Fleet;

/// <summary>How far the producer has got: read by the progress display while the producer writes.</summary>
internal sealed class RoundTracker(FleetOptions options)
{
    private long _queued;
    private long _lastTimestampTicks = options.Start.UtcTicks;

    public long Planned => options.Rounds;

    /// <summary>Rounds whose readings are all queued for sending.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Timestamp of the newest round queued: the simulated clock as far as the gateway can see it.</summary>
    public DateTimeOffset SimulatedNow => new(Interlocked.Read(ref _lastTimestampTicks), TimeSpan.Zero);

    /// <summary>Rounds that are due by the schedule but not yet queued: the gateway (or the generator) is behind.</summary>
    public long Behind(TimeSpan elapsed)
    {
        var due = Math.Min(Planned, (long)Math.Floor(elapsed.Ticks * options.Speedup / options.Interval.Ticks));
        return Math.Max(0, due - Queued);
    }

    public void RoundQueued(DateTimeOffset timestamp)
    {
        Interlocked.Exchange(ref _lastTimestampTicks, timestamp.UtcTicks);
        Interlocked.Increment(ref _queued);
    }
}
