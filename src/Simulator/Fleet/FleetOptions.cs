using System.Globalization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// The settings of one <c>fleet</c> run. The simulated clock starts at <see cref="Start"/> and runs
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
    bool Verify)
{
    /// <summary>Simulated time the run covers.</summary>
    public TimeSpan SimulatedSpan => Duration * Speedup;

    /// <summary>Reporting rounds: one per interval of simulated time, the first at <see cref="Start"/> + one interval.</summary>
    public long Rounds => SimulatedSpan.Ticks / Interval.Ticks;

    /// <summary>
    /// Real time after which the rounds still unsent are dropped: a run behind schedule may overrun
    /// <see cref="Duration"/> by a tenth (at least 5 s).
    /// </summary>
    public TimeSpan Deadline => Duration + TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(5).Ticks, Duration.Ticks / 10));

    public DateTimeOffset RoundTimestamp(long round) => Start + (Interval * round);

    /// <summary>Real time from the run's start at which round <paramref name="round"/> is due.</summary>
    public TimeSpan RoundDue(long round) => Interval * round / Speedup;

    /// <summary>The lines announcing the run: the fleet, the simulated period and how it is sent, and what will look unusual.</summary>
    public string Plan()
    {
        var sending = BatchSize == 1 ? "single readings" : $"batches of {BatchSize:N0}";
        var plan = string.Create(CultureInfo.InvariantCulture,
            $"Simulating {Meters:N0} meters and {Vehicles:N0} vehicles from {Figures.Timestamp(Start)}, " +
            $"a reading every {SpanText.Format(Interval)} of simulated time at ×{Speedup:0.###} for {SpanText.Format(Duration)} " +
            $"({Rounds:N0} rounds, {Rounds * (Meters + Vehicles):N0} readings); posting {sending} to {Gateway}, " +
            $"{Concurrency} in flight.");
        var end = Start + SimulatedSpan;
        if (end > DateTimeOffset.UtcNow)
        {
            plan += string.Create(CultureInfo.InvariantCulture,
                $" The simulated clock would pass now: rounds after {Figures.Timestamp(DateTimeOffset.UtcNow)} wait for real time.");
        }

        if (Vehicles > Meters)
        {
            plan += string.Create(CultureInfo.InvariantCulture,
                $" Vehicles above {Meters:N0} charge at chargers outside the fleet: their DC is sent, their AC is not.");
        }

        return plan;
    }
}
