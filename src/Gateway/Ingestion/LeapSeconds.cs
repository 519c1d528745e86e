namespace EnergyActors.Gateway.Ingestion;

/// <summary>
/// The UTC days that ended with a positive leap second (23:59:60): the 27 inserted from 1972 to 2016, as announced in
/// IERS Bulletin C and listed in IERS's leap-seconds.list (https://hpiers.obspm.fr/iers/bul/bulc/ntp/leap-seconds.list,
/// also shipped by tzdata as /usr/share/zoneinfo/leap-seconds.list). None has been inserted since; Bulletin C announces
/// each one about six months ahead, so a new one would be added here before it happens.
/// </summary>
public static class LeapSeconds
{
    private static readonly HashSet<DateOnly> Days =
    [
        new(1972, 6, 30), new(1972, 12, 31), new(1973, 12, 31), new(1974, 12, 31), new(1975, 12, 31), new(1976, 12, 31),
        new(1977, 12, 31), new(1978, 12, 31), new(1979, 12, 31), new(1981, 6, 30), new(1982, 6, 30), new(1983, 6, 30),
        new(1985, 6, 30), new(1987, 12, 31), new(1989, 12, 31), new(1990, 12, 31), new(1992, 6, 30), new(1993, 6, 30),
        new(1994, 6, 30), new(1995, 12, 31), new(1997, 6, 30), new(1998, 12, 31), new(2005, 12, 31), new(2008, 12, 31),
        new(2012, 6, 30), new(2015, 6, 30), new(2016, 12, 31),
    ];

    public static DateOnly Last { get; } = Days.Max();

    /// <summary>Whether the UTC day <paramref name="utcDay"/> had a second 23:59:60.</summary>
    public static bool EndedWithLeapSecond(DateOnly utcDay) => Days.Contains(utcDay);
}
