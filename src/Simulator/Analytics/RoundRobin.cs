namespace EnergyActors.Simulator.Analytics;

/// <summary>The vehicles in turn, shared by all workers and by both phases, so the measured phase continues where the warm-up stopped.</summary>
internal sealed class RoundRobin(IReadOnlyList<string> ids)
{
    private long _turn = -1;

    public string Next() => ids[(int)(Interlocked.Increment(ref _turn) % ids.Count)];
}
