namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// The validated settings of one <c>fleet</c> run. The simulated clock starts at <see cref="Start"/> and runs
/// <see cref="Speedup"/> times faster than real time for <see cref="Duration"/>; every device reports at
/// each <see cref="Interval"/> of simulated time.
/// </summary>
internal sealed record FleetOptions(
    Uri Gateway,
    int Meters,
    int Vehicles,
    string Prefix,
    TimeSpan Interval,
    double Speedup,
    TimeSpan Duration,
    int BatchSize,
    int Concurrency,
    long Seed,
    double FaultyShare,
    double SensorFaultShare,
    DateTimeOffset Start,
    bool Verify,
    string? JsonPath)
{
    /// <summary>Simulated time the run covers.</summary>
    public TimeSpan SimulatedSpan => Duration * Speedup;

    /// <summary>Reporting rounds: one per interval of simulated time, the first at <see cref="Start"/> + one interval.</summary>
    public long Rounds => SimulatedSpan.Ticks / Interval.Ticks;

    public DateTimeOffset RoundTimestamp(long round) => Start + (Interval * round);

    /// <summary>Real time from the run's start at which round <paramref name="round"/> is due.</summary>
    public TimeSpan RoundDue(long round) => Interval * round / Speedup;
}
