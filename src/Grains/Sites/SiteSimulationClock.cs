namespace EnergyActors.Grains.Sites;

/// <summary>
/// The clock site simulations run on. Separate from the TimeProvider Orleans itself uses, so tests can run
/// sites on an accelerated clock without also accelerating membership and timeouts.
/// </summary>
public sealed class SiteSimulationClock(TimeProvider time)
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
