using System.Globalization;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Gateway.Ingestion;

/// <summary>
/// One set of rules and messages for every timestamp the API reads, in a body or a query: RFC 3339 with an offset,
/// second 60 only where a leap second was, and within <see cref="ReadingLimits"/> (so it is representable in every
/// store and window, unlike 0001-01-01, which PostgreSQL would keep as -infinity).
/// </summary>
public static class TimestampField
{
    private static readonly string Range = string.Create(
        CultureInfo.InvariantCulture,
        $"from {ReadingLimits.EarliestTimestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ} up to, not including, {ReadingLimits.TimestampEnd.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");

    public static string MalformedMessage(string field) =>
        $"'{field}' must be an RFC 3339 date-time with an offset ('Z' or '±hh:mm'), e.g. 2026-01-31T14:00:00Z.";

    /// <summary>Parses <paramref name="text"/>, or adds the error naming <paramref name="field"/> and returns false.</summary>
    public static bool TryParse(string? text, string field, List<FieldError> errors, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Problem(text, field, out value) is not { } message)
        {
            return true;
        }

        errors.Add(new FieldError(field, message));
        return false;
    }

    /// <summary>Why <paramref name="text"/> is not a timestamp the API accepts, naming <paramref name="field"/>; null when it is one.</summary>
    public static string? Problem(string? text, string field, out DateTimeOffset value)
    {
        value = default;
        var result = text is null ? Rfc3339Result.Malformed : Rfc3339.Parse(text, out value);
        if (result == Rfc3339Result.Valid && !ReadingLimits.IsTimestamp(value))
        {
            result = Rfc3339Result.OutOfRange;
        }

        return result switch
        {
            Rfc3339Result.Valid => null,
            Rfc3339Result.OutOfRange => $"'{field}' must be {Range}.",
            Rfc3339Result.NotALeapSecond => string.Create(
                CultureInfo.InvariantCulture,
                $"'{field}' has second 60, which exists only as 23:59:60 UTC on a day that ended with a leap second (the last was {LeapSeconds.Last:yyyy-MM-dd})."),
            _ => MalformedMessage(field),
        };
    }
}
