namespace EnergyActors.Simulator.Ingest;

/// <summary>
/// The figures of a measured run, as printed and as written by <c>--json</c>. <see cref="RowsCommitted"/>
/// is the rows added to meter_readings + vehicle_readings while measuring: null without <c>--connection</c>
/// or when counting failed.
/// </summary>
internal sealed record IngestResult(
    string Gateway,
    string Mode,
    int Meters,
    int Vehicles,
    int Concurrency,
    int ReadingsPerRequest,
    long Seed,
    string StopReason,
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
    bool RowsChecked,
    long? RowsCommitted)
{
    /// <summary>Nothing failed or was rejected, and when rows were checked, each accepted reading is a new row.</summary>
    public bool Passed => Failed == 0 && Rejected == 0 && (!RowsChecked || RowsCommitted == Accepted);

    public static IngestResult From(IngestOptions options, PhaseOutcome measured, bool rowsChecked, long? rowsCommitted)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(measured);
        var counters = measured.Counters;
        var latency = measured.Latency;
        var seconds = measured.Elapsed.TotalSeconds;
        return new IngestResult(
            options.Gateway.ToString(),
            options.Mode == IngestMode.Batch ? "batch" : "single",
            options.Meters,
            options.Vehicles,
            options.Concurrency,
            options.ReadingsPerRequest,
            options.Seed,
            measured.StopReason,
            counters.Requests,
            counters.Accepted,
            counters.Duplicates,
            counters.Rejected,
            counters.Retried,
            counters.Failed,
            counters.Abandoned,
            Math.Round(seconds, 3),
            Math.Round(counters.Accepted / Math.Max(seconds, 0.001), 1),
            latency.PercentileMilliseconds(50),
            latency.PercentileMilliseconds(90),
            latency.PercentileMilliseconds(99),
            latency.MaxMilliseconds,
            rowsChecked,
            rowsCommitted);
    }
}
