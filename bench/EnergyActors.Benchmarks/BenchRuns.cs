using System.Globalization;
using System.Text.Json.Nodes;

namespace EnergyActors.Benchmarks;

/// <summary>
/// One bench.sh run's files: runs/&lt;phase&gt;.&lt;run&gt;.json (the step's figures) and runs/&lt;phase&gt;.&lt;run&gt;.pg.json
/// (settle, and PostgreSQL's counters before and after), for runs numbered from 1.
/// </summary>
internal sealed class BenchRuns(string folder)
{
    public IReadOnlyList<JsonNode> Figures(string phase) => Read(phase, "json");

    public IReadOnlyList<JsonNode> Database(string phase) => Read(phase, "pg.json");

    /// <summary>A figure over the phase's runs (the first of <paramref name="names"/> a run has).</summary>
    public Spread? Spread(string phase, params string[] names) => Benchmarks.Spread.Of(Figures(phase).Select(run => Number(run, names)));

    /// <summary>A figure computed from each run's figures, over the phase's runs.</summary>
    public Spread? Spread(string phase, Func<JsonNode, double?> figure) => Benchmarks.Spread.Of(Figures(phase).Select(figure));

    public static double? Number(JsonNode? node, params string[] names) =>
        names.Select(n => node?[n]).FirstOrDefault(v => v is not null) is { } v ? v.GetValue<double>() : null;

    /// <summary>Runs numbered from 1 while any file of the run exists: a failed run leaves its pg.json but no figures.</summary>
    private List<JsonNode> Read(string phase, string extension)
    {
        string PathOf(int run, string ext) => Path.Combine(folder, "runs", string.Create(CultureInfo.InvariantCulture, $"{phase}.{run}.{ext}"));
        var runs = new List<JsonNode>();
        for (var run = 1; File.Exists(PathOf(run, "json")) || File.Exists(PathOf(run, "pg.json")); run++)
        {
            if (File.Exists(PathOf(run, extension)) && JsonNode.Parse(File.ReadAllText(PathOf(run, extension))) is { } node)
            {
                runs.Add(node);
            }
        }

        return runs;
    }
}

/// <summary>
/// What PostgreSQL did during a phase, from the counters bench.sh read before and after each run: commits, rows
/// inserted, WAL bytes and syncs (the mean sync time says whether the disk was slow), and autovacuum's activity.
/// </summary>
internal sealed record PhaseDatabase(
    Spread? Seconds, Spread? CommitsPerSecond, Spread? RowsInsertedPerSecond, Spread? WalMegabytesPerSecond, Spread? WalSyncsPerSecond,
    Spread? CommitsPerSync, Spread? MeanSyncMs, Spread? SettleSeconds, Spread? AutovacuumWorkersAtStart, Spread? AutovacuumRunsDuring)
{
    public static PhaseDatabase Of(IReadOnlyList<JsonNode> runs)
    {
        Spread? Over(Func<JsonNode, double?> figure) => Spread.Of(runs.Select(figure));
        static double? Delta(JsonNode run, string name) => BenchRuns.Number(run["after"], name) - BenchRuns.Number(run["before"], name);
        static double? PerSecond(JsonNode run, double? value) => value / Delta(run, "at");
        return new PhaseDatabase(
            Over(run => Delta(run, "at")),
            Over(run => PerSecond(run, Delta(run, "xactCommit"))),
            Over(run => PerSecond(run, Delta(run, "tupInserted"))),
            Over(run => PerSecond(run, Delta(run, "walBytes") / (1024 * 1024))),
            Over(run => PerSecond(run, Delta(run, "walSync"))),
            Over(run => Delta(run, "xactCommit") / Delta(run, "walSync")),
            Over(run => Delta(run, "walSyncTimeMs") / Delta(run, "walSync")),
            Over(run => BenchRuns.Number(run["settle"], "seconds")),
            Over(run => BenchRuns.Number(run["before"], "autovacuumWorkers")),
            Over(run => Delta(run, "autovacuumRuns")));
    }

    public JsonObject ToJson()
    {
        static JsonNode? S(Spread? s) => s is null ? null : new JsonObject { ["min"] = s.Min, ["median"] = s.Median, ["max"] = s.Max, ["runs"] = s.Runs };
        return new JsonObject
        {
            ["seconds"] = S(Seconds),
            ["commitsPerSecond"] = S(CommitsPerSecond),
            ["rowsInsertedPerSecond"] = S(RowsInsertedPerSecond),
            ["walMegabytesPerSecond"] = S(WalMegabytesPerSecond),
            ["walSyncsPerSecond"] = S(WalSyncsPerSecond),
            ["commitsPerWalSync"] = S(CommitsPerSync),
            ["meanWalSyncMs"] = S(MeanSyncMs),
            ["settleSeconds"] = S(SettleSeconds),
            ["autovacuumWorkersAtStart"] = S(AutovacuumWorkersAtStart),
            ["autovacuumRunsDuring"] = S(AutovacuumRunsDuring),
        };
    }
}
