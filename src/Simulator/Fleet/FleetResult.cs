using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>The figures of a fleet run, as printed and as written by <c>--json</c>; <see cref="Verify"/> is null without <c>--verify</c>.</summary>
internal sealed record FleetResult(
    string Gateway,
    int Meters,
    int Vehicles,
    FleetComposition Composition,
    double IntervalSeconds,
    double Speedup,
    double DurationSeconds,
    int BatchSize,
    int Concurrency,
    long Seed,
    string SimulatedStart,
    string SimulatedEnd,
    string StopReason,
    long RoundsPlanned,
    long RoundsQueued,
    long ReadingsPlanned,
    long ReadingsSent,
    long Requests,
    long Accepted,
    long Duplicates,
    long Rejected,
    long Retried,
    long Failed,
    long Abandoned,
    double ElapsedSeconds,
    double AcceptedPerSecond,
    double LatencyP50Ms,
    double LatencyP90Ms,
    double LatencyP99Ms,
    double LatencyMaxMs,
    VerifyResult? Verify)
{
    /// <summary>Nothing failed or was rejected, and verification (when asked for) found no mismatch.</summary>
    public bool Passed => Failed == 0 && Rejected == 0 && (Verify?.Passed ?? true);

    public static FleetResult From(
        FleetOptions options, FleetModel model, RoundTracker rounds, IngestCounters counters, LatencyHistogram latency,
        TimeSpan elapsed, string stopReason, VerifyResult? verify)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(counters);
        ArgumentNullException.ThrowIfNull(latency);
        return new FleetResult(
            options.Gateway.ToString(), options.Meters, options.Vehicles, model.Composition,
            options.Interval.TotalSeconds, options.Speedup, options.Duration.TotalSeconds, options.BatchSize, options.Concurrency, options.Seed,
            Figures.Timestamp(options.Start), Figures.Timestamp(rounds.SimulatedNow), stopReason,
            rounds.Planned, rounds.Queued, rounds.Planned * model.ReadingsPerRound, counters.Sent,
            counters.Requests, counters.Accepted, counters.Duplicates, counters.Rejected, counters.Retried, counters.Failed, counters.Abandoned,
            Math.Round(elapsed.TotalSeconds, 3), Math.Round(Figures.PerSecond(counters.Accepted, elapsed), 1),
            latency.PercentileMilliseconds(50), latency.PercentileMilliseconds(90), latency.PercentileMilliseconds(99), latency.MaxMilliseconds,
            verify);
    }
}
