using System.Text;
using System.Text.Json.Nodes;

namespace EnergyActors.Benchmarks;

/// <summary>
/// The goals of issue 14, each judged on the median of its runs: met, missed, or not measured when a phase produced
/// nothing. Ratios are to the ceilings measured in the same run.
/// </summary>
internal sealed class ReportGoals
{
    public ReportGoals(IReadOnlyDictionary<string, Spread?> spreads, double? copyCeiling, double? kestrelCeiling)
    {
        double? M(string key) => spreads.TryGetValue(key, out var s) ? s?.Median : null;
        var batch = M("batchCommittedPerSecond");
        var single = M("singleCommittedPerSecond");
        var batchRatio = batch / copyCeiling;
        var singleRatio = single / kestrelCeiling;
        Goals =
        [
            new("HTTP batches of 1,000, committed", $"{ReportText.Number(batch, "readings/s")} ({ReportText.Ratio(batch, copyCeiling)} of COPY)",
                "≥ 50 % of the COPY ceiling", batchRatio is { } b ? b >= 0.5 : null),
            new("single-reading POSTs, committed", $"{ReportText.Number(single, "readings/s")} ({ReportText.Ratio(single, kestrelCeiling)} of bare Kestrel)",
                "≥ 25,000/s or ≥ 40 % of bare Kestrel", single is { } s ? s >= 25_000 || singleRatio >= 0.4 : null),
            AtMost("single p99", M("singleP99Ms"), 50, "ms"),
            AtMost("analytics p99, 4 in flight", M("analyticsP99Ms"), 1, "ms"),
            AtMost("analytics p99, 64 in flight", M("analytics64P99Ms"), 5, "ms"),
            AtMost("vehicle grain, full 24 h window", M("bytesPerVehicleGrainFullWindow"), 16 * 1024, "B"),
            AtMost("idle meter grain", M("bytesPerIdleMeterGrain"), 1.5 * 1024, "B"),
            // -1: not every answer was exact within the check's time limit (or one differed from history).
            M("recoveryReadyToExactSeconds") is < 0
                ? new("recovery: ready to exact after SIGKILL", "not exact in time", "≤ 10 s", false)
                : AtMost("recovery: ready to exact after SIGKILL", M("recoveryReadyToExactSeconds"), 10, "s"),
            new("recovery: ingestion meanwhile", ReportText.Number(M("recoveryIngestionPercent"), "%"), "≥ 80 % of before",
                M("recoveryIngestionPercent") is { } r ? r >= 80 : null),
        ];
    }

    public IReadOnlyList<Goal> Goals { get; }

    public string Markdown()
    {
        var table = new StringBuilder()
            .AppendLine("#### Goals (medians)")
            .AppendLine()
            .AppendLine("| Goal | Figure | Target | Result |")
            .AppendLine("| --- | ---: | --- | --- |");
        foreach (var goal in Goals)
        {
            table.AppendLine($"| {goal.Name} | {goal.Figure} | {goal.Target} | {ReportText.Verdict(goal.Met)} |");
        }

        return table.ToString();
    }

    public JsonArray ToJson() => new(Goals.Select(g => (JsonNode)new JsonObject
    {
        ["goal"] = g.Name,
        ["figure"] = g.Figure,
        ["target"] = g.Target,
        ["met"] = g.Met,
    }).ToArray());

    private static Goal AtMost(string name, double? figure, double limit, string unit) =>
        new(name, ReportText.Number(figure, unit), $"≤ {ReportText.Number(limit, unit)}", figure is { } f ? f <= limit : null);

    /// <summary>One goal: <see cref="Met"/> is null when its figure was not measured.</summary>
    internal sealed record Goal(string Name, string Figure, string Target, bool? Met);
}
