using System.Globalization;

namespace EnergyActors.Simulator.Shared;

/// <summary>Durations as people type them on a command line: 60s, 5m, 1h30m, 500ms, 2d; a bare number is seconds.</summary>
internal static class SpanText
{
    public static bool TryParse(string text, out TimeSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        span = TimeSpan.Zero;
        var rest = text.Trim().AsSpan();
        if (rest.IsEmpty)
        {
            return false;
        }

        if (double.TryParse(rest, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare))
        {
            return TryAdd(ref span, bare, 1000);
        }

        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            var letters = digits;
            while (letters < rest.Length && char.IsAsciiLetter(rest[letters]))
            {
                letters++;
            }

            if (digits == 0 || letters == digits
                || !double.TryParse(rest[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || UnitMilliseconds(rest[digits..letters]) is not { } unit
                || !TryAdd(ref span, amount, unit))
            {
                return false;
            }

            rest = rest[letters..];
        }

        return true;
    }

    /// <summary>Whole seconds as the shortest text that parses back: 90 s is "90s", 3600 s is "1h".</summary>
    public static string Format(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerSecond != 0 ? $"{span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)}ms"
        : span.Ticks % TimeSpan.TicksPerDay == 0 ? $"{span.TotalDays.ToString(CultureInfo.InvariantCulture)}d"
        : span.Ticks % TimeSpan.TicksPerHour == 0 ? $"{span.TotalHours.ToString(CultureInfo.InvariantCulture)}h"
        : span.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{span.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m"
        : $"{span.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";

    private static double? UnitMilliseconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ms" => 1,
        "s" => 1000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        _ => null,
    };

    private static bool TryAdd(ref TimeSpan span, double amount, double unitMilliseconds)
    {
        var milliseconds = span.TotalMilliseconds + (amount * unitMilliseconds);
        if (!double.IsFinite(milliseconds) || milliseconds < 0 || milliseconds > TimeSpan.MaxValue.TotalMilliseconds / 2)
        {
            return false;
        }

        span = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }
}
