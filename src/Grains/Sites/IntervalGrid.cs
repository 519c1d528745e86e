namespace EnergyActors.Grains.Sites;

/// <summary>Where a site's intervals end, and which of them are due: the same grid for every site and every silo.</summary>
public static class IntervalGrid
{
    /// <summary>Interval ends are whole multiples of the interval in UTC, so every site's rows line up.</summary>
    public static DateTimeOffset AlignDown(DateTimeOffset at, int intervalMinutes)
    {
        var ticks = TimeSpan.FromMinutes(intervalMinutes).Ticks;
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - (utc % ticks), TimeSpan.Zero);
    }

    public static DateTimeOffset AlignUp(DateTimeOffset at, int intervalMinutes)
    {
        var down = AlignDown(at, intervalMinutes);
        return down == at ? at : down.AddMinutes(intervalMinutes);
    }

    /// <summary>The interval ends after <paramref name="last"/> up to and including <paramref name="now"/>.</summary>
    public static List<DateTimeOffset> DueEnds(DateTimeOffset last, DateTimeOffset now, int intervalMinutes)
    {
        var ends = new List<DateTimeOffset>();
        for (var end = AlignUp(last.AddTicks(1), intervalMinutes); end <= now; end = end.AddMinutes(intervalMinutes))
        {
            ends.Add(end);
        }

        return ends;
    }
}
