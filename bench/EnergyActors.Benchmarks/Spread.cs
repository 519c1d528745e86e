using System.Globalization;

namespace EnergyActors.Benchmarks;

/// <summary>One figure over a phase's repeated runs: the median is what the report quotes, min and max how far it moved.</summary>
internal sealed record Spread(double Min, double Median, double Max, int Runs)
{
    /// <returns>Null when no run produced the figure.</returns>
    public static Spread? Of(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(sorted[0], median, sorted[^1], sorted.Length);
    }

    /// <summary>"min – max" in the figure's own format, or the single value of a phase run once.</summary>
    public string Range(string? unit = null) =>
        Runs == 1 ? ReportText.Number(Median, unit) : $"{ReportText.Number(Min, null)} – {ReportText.Number(Max, unit)}";
}

/// <summary>How the report writes numbers, ratios and verdicts: invariant culture, grouped thousands, "n/a" for a missing figure.</summary>
internal static class ReportText
{
    public static string Number(double? value, string? unit) =>
        value is { } v && double.IsFinite(v)
            ? v.ToString(Math.Abs(v) >= 100 ? "N0" : Math.Abs(v) >= 10 ? "0.#" : "0.###", CultureInfo.InvariantCulture) + (unit is null ? string.Empty : " " + unit)
            : "n/a";

    /// <summary>A figure over its ceiling as a percentage; "n/a" when either is missing or the ceiling is zero.</summary>
    public static string Ratio(double? figure, double? ceiling) =>
        figure is { } f && ceiling is { } c && c > 0 && double.IsFinite(f / c)
            ? (f / c).ToString(f / c < 0.1 ? "P1" : "P0", CultureInfo.InvariantCulture)
            : "n/a";

    /// <summary>met / missed, or "not measured" when the figure is missing.</summary>
    public static string Verdict(bool? met) => met switch
    {
        true => "met",
        false => "**missed**",
        null => "not measured",
    };
}
