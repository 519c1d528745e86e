namespace EnergyActors.Simulator.Analytics;

/// <summary>Hands out a phase's queries to the workers: each claim is one query, until the phase's count is reached.</summary>
internal sealed class QueryQuota(long count)
{
    private long _claimed;

    public bool TryClaim() => Interlocked.Increment(ref _claimed) <= count;
}
