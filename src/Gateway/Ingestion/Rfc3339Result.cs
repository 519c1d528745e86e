namespace EnergyActors.Gateway.Ingestion;

/// <summary>Which rule a timestamp text breaks, so the answer can say which.</summary>
public enum Rfc3339Result
{
    Valid,

    /// <summary>Not an RFC 3339 date-time with an offset, or no such calendar date or time of day.</summary>
    Malformed,

    /// <summary>Second 60 on a day (in UTC) that had no leap second, or not at 23:59 UTC.</summary>
    NotALeapSecond,

    /// <summary>Before 0001-01-01 or after 9999-12-31 in UTC: far outside what is accepted, and beyond what .NET holds.</summary>
    OutOfRange,
}
