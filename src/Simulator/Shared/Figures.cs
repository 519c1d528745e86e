using System.Globalization;

namespace EnergyActors.Simulator.Shared;

/// <summary>Invariant-culture number formats shared by the progress lines and the result tables.</summary>
internal static class Figures
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Milliseconds with microsecond digits: analytics latencies sit well below 1 ms.</summary>
    public static string Millis(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>A count in red when it is not zero: failures should catch the eye.</summary>
    public static string Alarm(long value) => value == 0 ? "0" : $"[red]{Count(value)}[/]";

    public static double PerSecond(long count, TimeSpan elapsed) => count / Math.Max(elapsed.TotalSeconds, 0.001);

    /// <summary>RFC 3339 in UTC with a Z, to the second: the form the simulator sends timestamps in.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
