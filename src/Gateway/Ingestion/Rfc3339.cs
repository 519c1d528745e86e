namespace EnergyActors.Gateway.Ingestion;

/// <summary>
/// Strict RFC 3339 date-time parsing: a timestamp without an explicit offset is ambiguous and is
/// refused, where .NET's lenient parsers would silently assume the server's local zone.
/// Fractions beyond 100 ns are truncated (history keeps microseconds anyway).
/// </summary>
public static class Rfc3339
{
    // A leap second names the last instant of its day; .NET cannot hold second 60, and history keeps microseconds,
    // so 23:59:60 is kept as 23:59:59.999999 (a tick later would round into the next day in PostgreSQL).
    private const long LeapSecondTicks = TimeSpan.TicksPerSecond - 10;

    public static Rfc3339Result Parse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        // yyyy-MM-ddTHH:mm:ss is 19 characters, and an offset needs at least 'Z'.
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] is not ('T' or 't' or ' ') || s[13] != ':' || s[16] != ':')
        {
            return Rfc3339Result.Malformed;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s[5..7], out var month) || !TryDigits(s[8..10], out var day)
            || !TryDigits(s[11..13], out var hour) || !TryDigits(s[14..16], out var minute) || !TryDigits(s[17..19], out var second))
        {
            return Rfc3339Result.Malformed;
        }

        var pos = 19;
        long fractionTicks = 0;
        if (s[pos] == '.')
        {
            pos++;
            var start = pos;
            var scale = TimeSpan.TicksPerSecond;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                scale /= 10;
                fractionTicks += (s[pos] - '0') * scale;
                pos++;
            }

            if (pos == start)
            {
                return Rfc3339Result.Malformed;
            }
        }

        if (!TryOffset(s[pos..], out var offset) || month is < 1 or > 12 || hour > 23 || minute > 59 || second > 60)
        {
            return Rfc3339Result.Malformed;
        }

        // Year 0000 is valid RFC 3339 but before anything .NET (or the accepted range) holds.
        if (year == 0)
        {
            return Rfc3339Result.OutOfRange;
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Rfc3339Result.Malformed;
        }

        var leap = second == 60;
        var localTicks = new DateTime(year, month, day, hour, minute, leap ? 59 : second).Ticks + (leap ? LeapSecondTicks : fractionTicks);
        var utcTicks = localTicks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return Rfc3339Result.OutOfRange;
        }

        var utc = new DateTime(utcTicks, DateTimeKind.Utc);
        if (leap && (utc.Hour != 23 || utc.Minute != 59 || !LeapSeconds.EndedWithLeapSecond(DateOnly.FromDateTime(utc))))
        {
            return Rfc3339Result.NotALeapSecond;
        }

        value = new DateTimeOffset(localTicks, offset);
        return Rfc3339Result.Valid;
    }

    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s is ['Z'] or ['z'])
        {
            return true;
        }

        if (s.Length != 6 || s[0] is not ('+' or '-') || s[3] != ':' || !TryDigits(s[1..3], out var hours) || !TryDigits(s[4..6], out var minutes)
            || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-')
        {
            offset = -offset;
        }

        return offset.Duration() <= TimeSpan.FromHours(14);
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
