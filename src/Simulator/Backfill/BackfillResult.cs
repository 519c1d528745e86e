namespace EnergyActors.Simulator.Backfill;

/// <summary>The figures of a backfill run, as printed and as written by <c>--json</c>.</summary>
internal sealed record BackfillResult(
    string Gateway,
    int Vehicles,
    int Meters,
    int Hours,
    string From,
    string To,
    int BatchSize,
    int Concurrency,
    long Seed,
    string StopReason,
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
    double SentPerSecond,
    double LatencyP50Ms,
    double LatencyP90Ms,
    double LatencyP99Ms,
    double LatencyMaxMs)
{
    /// <summary>Every reading was sent and acknowledged (accepted or duplicate), none failed or was rejected.</summary>
    public bool Passed => Failed == 0 && Rejected == 0 && ReadingsSent == ReadingsPlanned && Accepted + Duplicates == ReadingsPlanned;
}
