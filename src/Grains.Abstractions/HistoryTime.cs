namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// History stores UTC timestamps with microsecond precision (PostgreSQL timestamptz), so every
/// reading's key is normalised the same way before it is compared, stored or returned.
/// </summary>
public static class HistoryTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset Normalize(DateTimeOffset timestamp)
    {
        var utcTicks = timestamp.UtcTicks;
        return new DateTimeOffset(utcTicks - (utcTicks % TicksPerMicrosecond), TimeSpan.Zero);
    }
}
