using System.Text.Json.Serialization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// The figures of a fleet run, as printed and as written by <c>--json</c>; <see cref="Verify"/> is null without <c>--verify</c>.
/// <see cref="Ingest"/> only feeds the inherited figures, which <c>--json</c> writes at the top level.
/// </summary>
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
    [property: JsonIgnore] IngestFigures Ingest,
    [property: JsonPropertyOrder(IngestFigures.TrailingOrder)] VerifyResult? Verify) : IngestFigures(Ingest)
{
    /// <summary>Nothing failed or was rejected, and verification (when asked for) found no mismatch.</summary>
    [JsonPropertyOrder(TrailingOrder)]
    public bool Passed => Clean && (Verify?.Passed ?? true);

    public static FleetResult From(
        FleetOptions options, FleetModel model, RoundTracker rounds, IngestCounters counters, LatencyHistogram latency,
        TimeSpan elapsed, string stopReason, VerifyResult? verify)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(counters);
        return new FleetResult(
            options.Gateway.ToString(), options.Meters, options.Vehicles, model.Composition,
            options.Interval.TotalSeconds, options.Speedup, options.Duration.TotalSeconds, options.BatchSize, options.Concurrency, options.Seed,
            Figures.Timestamp(options.Start), Figures.Timestamp(rounds.SimulatedNow), stopReason,
            rounds.Planned, rounds.Queued, rounds.Planned * model.ReadingsPerRound, counters.Sent,
            IngestFigures.Snapshot(counters, latency, elapsed), verify);
    }
}
