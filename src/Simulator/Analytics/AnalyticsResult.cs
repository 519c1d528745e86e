namespace EnergyActors.Simulator.Analytics;

/// <summary>The figures of an analytics run, as printed and as written by <c>--json</c>; latencies in ms with microsecond digits.</summary>
internal sealed record AnalyticsResult(
    string Target,
    string Via,
    int Vehicles,
    string Prefix,
    long Requests,
    long Warmup,
    int Concurrency,
    string StopReason,
    long Completed,
    long Ok,
    long NotOk,
    long Errors,
    IReadOnlyDictionary<string, long> StatusCounts,
    double ElapsedSeconds,
    double RequestsPerSecond,
    double LatencyP50Ms,
    double LatencyP90Ms,
    double LatencyP99Ms,
    double LatencyMaxMs)
{
    /// <summary>Every measured query was made and answered 200 (or ran, for SQL).</summary>
    public bool Passed => Completed == Requests && NotOk == 0 && Errors == 0;
}
