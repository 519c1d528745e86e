namespace EnergyActors.Grains.Alerts;

/// <summary>
/// The time the silence watch judges by and how often it looks: wall time, since silence is about when readings
/// arrive, not what they say. Its own type so tests can run the watch on a fake clock alone.
/// </summary>
public sealed class SilenceClock(TimeProvider time, TimeSpan checkPeriod)
{
    public static readonly TimeSpan DefaultCheckPeriod = TimeSpan.FromSeconds(20);

    public TimeSpan CheckPeriod => checkPeriod;

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
