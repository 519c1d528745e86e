using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyActors.Simulator.Ingest;
using EnergyActors.Simulator.Shared;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Commands;

/// <summary>
/// <c>ingest</c>: the ingestion benchmark. Checks that the gateway (and PostgreSQL) answer, warms up, measures
/// synthetic readings posted as fast as the gateway takes them, counts the history rows committed meanwhile,
/// and reports. It passes when nothing failed or was rejected and, with <c>--connection</c>, every accepted reading was
/// added as a row (see <see cref="IngestResult.RowsAccountedFor"/>).
/// </summary>
internal sealed class IngestCommand : SimulatorCommand
{
    private const int MaxBatchItems = 10_000;

    // A week: long enough for any soak run, and far from TimeSpan's overflow.
    private const double MaxSeconds = 7 * 24 * 3600;

    private static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Option<Uri> _gateway = CliOptions.Gateway();
    private readonly Option<string> _mode = new("--mode") { Description = "single: one reading per POST to /v1/telemetry/meter|vehicle; batch: JSON arrays to /v1/telemetry/batch.", DefaultValueFactory = _ => "single" };
    private readonly Option<int> _meters = new("--meters") { Description = "Number of meters (MTR-000001 …).", HelpName = "n", DefaultValueFactory = _ => 1000 };
    private readonly Option<int> _vehicles = new("--vehicles") { Description = "Number of vehicles (VEH-000001 …).", HelpName = "n", DefaultValueFactory = _ => 1000 };
    private readonly Option<string> _prefix = CliOptions.Prefix("Prepended to every device id, to make a run's (device, timestamp) keys new; without it a re-run sends duplicates.", ReadingGenerator.LongestIdSuffix);
    private readonly Option<double> _duration = new("--duration") { Description = "Measured seconds; 0 for no time limit (then --readings is required).", HelpName = "seconds", DefaultValueFactory = _ => 30 };
    private readonly Option<long?> _readings = new("--readings") { Description = "Stop after sending this many readings (measured phase), or at --duration, whichever comes first.", HelpName = "n" };
    private readonly Option<int?> _concurrency = new("--concurrency") { Description = "Requests in flight [default: 64 for single, 8 for batch].", HelpName = "c" };
    private readonly Option<int> _batchSize = new("--batch-size") { Description = "Readings per batch request (batch mode, at most 10000).", HelpName = "b", DefaultValueFactory = _ => 1000 };
    private readonly Option<long> _seed = CliOptions.Seed("Seed of the reading values: the same seed sends the same values.");

    // Nullable with the default applied at binding: help would print a DateTimeOffset default in its culture-dependent form.
    private readonly Option<DateTimeOffset?> _start = new("--start")
    {
        Description = "Timestamp of every device's first reading (RFC 3339, in the past); later readings follow 60 s apart [default: 2026-01-01T00:00:00Z].",
        HelpName = "timestamp",
        CustomParser = CliOptions.ParsePastTimestamp,
    };

    private readonly Option<string?> _connection = new("--connection")
    {
        Description = "Npgsql connection string (or env:NAME to read it from that variable): count meter_readings + vehicle_readings rows before and after, to check rows added = accepted.",
        HelpName = "connection-string",
        CustomParser = CliOptions.ParseConnection,
    };

    private readonly Option<string?> _json = CliOptions.Json();
    private readonly Option<double> _warmup = new("--warmup") { Description = "Seconds of the same load, not measured, before measuring (JIT, connections, grain activation).", HelpName = "seconds", DefaultValueFactory = _ => 5 };

    public IngestCommand()
        : base("ingest", "Measure ingestion through the gateway: post generated meter and vehicle readings, report throughput and latency.")
    {
        _mode.AcceptOnlyFromAmong("single", "batch");
        CliOptions.Require(_meters, m => m >= 0, "--meters must be at least 0.");
        CliOptions.Require(_vehicles, v => v >= 0, "--vehicles must be at least 0.");
        CliOptions.Require(_duration, d => d is >= 0 and <= MaxSeconds, $"--duration must be 0 to {MaxSeconds:N0} seconds.");
        CliOptions.Require(_warmup, w => w is >= 0 and <= MaxSeconds, $"--warmup must be 0 to {MaxSeconds:N0} seconds.");
        CliOptions.Require(_readings, r => r is null or >= 1, "--readings must be at least 1.");
        CliOptions.Require(_concurrency, c => c is null or >= 1, "--concurrency must be at least 1.");
        CliOptions.Require(_batchSize, b => b is >= 1 and <= MaxBatchItems, $"--batch-size must be 1 to {MaxBatchItems}.");
        AddOptions(_gateway, Key, _mode, _meters, _vehicles, _prefix, _duration, _readings, _concurrency, _batchSize, _seed, _start, _connection, _json, _warmup);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation)
    {
        // Checked here rather than in a command validator: System.CommandLine runs those before applying
        // defaults, and their errors hide the per-option ones.
        if (parse.GetValue(_meters) + (long)parse.GetValue(_vehicles) < 1)
        {
            return Usage("--meters and --vehicles must add up to at least 1.");
        }

        if (parse.GetValue(_duration) == 0 && parse.GetValue(_readings) is null)
        {
            return Usage("--duration 0 needs --readings, or the run would never stop.");
        }

        var mode = parse.GetValue(_mode) == "batch" ? IngestMode.Batch : IngestMode.Single;
        var options = new IngestOptions(
            Gateway: parse.GetRequiredValue(_gateway),
            Mode: mode,
            Meters: parse.GetValue(_meters),
            Vehicles: parse.GetValue(_vehicles),
            Prefix: parse.GetValue(_prefix) ?? string.Empty,
            Duration: TimeSpan.FromSeconds(parse.GetValue(_duration)),
            Readings: parse.GetValue(_readings),
            Concurrency: parse.GetValue(_concurrency) ?? (mode == IngestMode.Batch ? 8 : 64),
            BatchSize: parse.GetValue(_batchSize),
            Seed: parse.GetValue(_seed),
            Start: parse.GetValue(_start) ?? DefaultStart,
            Connection: parse.GetValue(_connection),
            Warmup: TimeSpan.FromSeconds(parse.GetValue(_warmup)));
        using var http = await ConnectAsync(parse, options.Gateway, options.Concurrency, cancellation);
        if (http is null)
        {
            return 1;
        }

        // Counting before any load also checks, up front, that PostgreSQL can be reached.
        var rows = options.Connection is { } connection ? new HistoryRowCounter(connection) : null;
        var before = rows is null ? null : await rows.TryCountAsync(cancellation);
        if (rows is not null && before is null)
        {
            return 1;
        }

        var generator = new ReadingGenerator(options);
        var sequence = new ReadingSequence(generator.AvailableBefore(DateTimeOffset.UtcNow));
        var driver = new LoadDriver(http, options.Concurrency, options.ReadingsPerRequest, options.Mode == IngestMode.Batch, generator.Get, sequence);
        using var drain = new Drain(cancellation);
        StatusMessages.Note(options.Plan());

        if (options.Warmup > TimeSpan.Zero)
        {
            var (warm, _, warmElapsed, _) = await RunPhaseAsync("warm-up", driver, sequence, options.Warmup, cancellation, drain.Token);
            StatusMessages.Note(string.Create(CultureInfo.InvariantCulture,
                $"warm-up: {warmElapsed.TotalSeconds:0.0} s, {warm.Accepted:N0} accepted ({Figures.PerSecond(warm.Accepted, warmElapsed):N0} readings/s), " +
                $"{warm.Duplicates:N0} duplicates, {warm.Retried:N0} retried, {warm.Failed:N0} failed"));
            foreach (var sample in warm.Samples.Items)
            {
                StatusMessages.Warn($"warm-up: {sample}");
            }

            if (cancellation.IsCancellationRequested)
            {
                StatusMessages.Error("Cancelled during the warm-up: nothing was measured.");
                return 1;
            }

            // Counted again once the warm-up has drained and its rows stopped growing, so none is attributed to the measurement.
            before = rows is null ? null : await rows.TryCountSettledAsync(CancellationToken.None);
        }

        sequence.CapAfterNext(options.Readings);
        var (counters, latency, elapsed, reason) = await RunPhaseAsync("measure", driver, sequence, options.Duration, cancellation, drain.Token);
        var after = rows is null || before is null ? null : await rows.TryCountAsync(CancellationToken.None);

        var result = new IngestResult(
            options.Gateway.ToString(), mode == IngestMode.Batch ? "batch" : "single", options.Meters, options.Vehicles, options.Concurrency,
            options.ReadingsPerRequest, options.Seed, reason, IngestFigures.Snapshot(counters, latency, elapsed), RowsChecked: rows is not null, RowsCommitted: after - before);
        Summarise(Report(result), counters.Samples.Items, result.Passed, () =>
        {
            if (result.RowsChecked && result.RowsCommitted is { } added && !result.RowsAccountedFor)
            {
                Terminal.Out.MarkupLineInterpolated(
                    $"[red]{added:N0} rows were added to the history tables for {result.Accepted:N0} accepted readings ({result.Duplicates:N0} duplicates, {result.Abandoned:N0} abandoned).[/]");
            }
        });
        return await ExitAsync(result, IngestJsonContext.Default.IngestResult, parse.GetValue(_json), result.Passed);
    }

    /// <summary>One phase (warm-up or measurement): what it did, and why it ended.</summary>
    private static async Task<(IngestCounters Counters, LatencyHistogram Latency, TimeSpan Elapsed, string StopReason)> RunPhaseAsync(
        string name, LoadDriver driver, ReadingSequence sequence, TimeSpan duration, CancellationToken cancellation, CancellationToken abort)
    {
        using var timer = duration > TimeSpan.Zero ? new CancellationTokenSource(duration) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timer.Token);
        var counters = new IngestCounters();
        var (latency, elapsed) = await FollowAsync(new Progress(name, counters), _ => driver.RunAsync(counters, stop.Token, abort));

        var reason = cancellation.IsCancellationRequested ? "Ctrl+C"
            : sequence.Exhausted ? "no past timestamps left (use an earlier --start or more devices)"
            : sequence.AtLimit ? "--readings reached"
            : string.Create(CultureInfo.InvariantCulture, $"--duration ({duration.TotalSeconds:0.###} s)");
        return (counters, latency, elapsed, reason);
    }

    // Ingest words and splits its rows its own way (rejected only when any, one row per latency); its output is kept as it was.
    private static Table Report(IngestResult result)
    {
        var table = ResultTable("ingest result");
        table.AddRow("mode", result.Mode == "batch" ? $"batch ({Figures.Count(result.ReadingsPerRequest)} per request)" : result.Mode);
        table.AddRow("devices", $"{Figures.Count(result.Meters)} meters, {Figures.Count(result.Vehicles)} vehicles");
        table.AddRow("concurrency", Figures.Count(result.Concurrency));
        table.AddRow("stopped by", Markup.Escape(result.StopReason));
        table.AddRow("requests", Figures.Count(result.Requests));
        table.AddRow("readings accepted", Figures.Count(result.Accepted));
        table.AddRow("duplicates", Figures.Count(result.Duplicates));
        if (result.Rejected > 0)
        {
            table.AddRow("[red]rejected batch items[/]", $"[red]{Figures.Count(result.Rejected)}[/]");
        }

        table.AddRow("retried (503)", Figures.Count(result.Retried));
        table.AddRow("failed", Figures.Alarm(result.Failed));
        if (result.Abandoned > 0)
        {
            table.AddRow("abandoned at stop (503, not retried)", Figures.Count(result.Abandoned));
        }

        table.AddRow("elapsed s", Figures.Number(result.ElapsedSeconds, "0.00"));
        table.AddRow("accepted readings/s", $"[bold]{Figures.Number(result.AcceptedPerSecond, "N0")}[/]");
        table.AddRow("request latency p50 ms", Figures.Number(result.LatencyP50Ms, "0.00"));
        table.AddRow("request latency p90 ms", Figures.Number(result.LatencyP90Ms, "0.00"));
        table.AddRow("request latency p99 ms", Figures.Number(result.LatencyP99Ms, "0.00"));
        table.AddRow("request latency max ms", Figures.Number(result.LatencyMaxMs, "0.00"));
        if (result.RowsChecked)
        {
            var rows = result.RowsCommitted is { } committed ? Figures.Count(committed) : "unknown";
            table.AddRow("rows committed", result.RowsAccountedFor ? $"[green]{rows}[/]" : $"[red]{rows}[/]");
        }

        return table;
    }

    /// <summary>One phase's progress: two short lines rather than a wide table, to fit an 80-column terminal.</summary>
    private sealed class Progress(string phase, IngestCounters counters) : ProgressView(phase)
    {
        public override IRenderable Live(TimeSpan elapsed)
        {
            var accepted = counters.Accepted;
            return new Rows(
                new Markup($"{LiveHeading(elapsed)}   {LiveRate(accepted, elapsed, "readings")}"),
                new Markup(
                    $"requests {Figures.Count(counters.Requests)}   accepted {Figures.Count(accepted)}   " +
                    $"duplicates {Figures.Count(counters.Duplicates)}   retried {Figures.Count(counters.Retried)}   failed {Figures.Alarm(counters.Failed)}"));
        }

        public override string Plain(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
            $"{PlainHeading(elapsed)}  requests {counters.Requests:N0}  accepted {counters.Accepted:N0}  " +
            $"{Figures.PerSecond(counters.Accepted, elapsed):N0} readings/s  duplicates {counters.Duplicates:N0}  " +
            $"retried {counters.Retried:N0}  failed {counters.Failed:N0}");
    }
}

/// <summary>
/// The figures of a measured run, as printed and as written by <c>--json</c>. <see cref="RowsCommitted"/> is the rows added to
/// meter_readings + vehicle_readings while measuring: null without <c>--connection</c> or when counting failed.
/// <see cref="Ingest"/> only feeds the inherited figures, which <c>--json</c> writes at the top level.
/// </summary>
internal sealed record IngestResult(
    string Gateway, string Mode, int Meters, int Vehicles, int Concurrency, int ReadingsPerRequest, long Seed, string StopReason,
    [property: JsonIgnore] IngestFigures Ingest,
    [property: JsonPropertyOrder(IngestFigures.TrailingOrder)] bool RowsChecked,
    [property: JsonPropertyOrder(IngestFigures.TrailingOrder)] long? RowsCommitted) : IngestFigures(Ingest)
{
    /// <summary>Nothing failed or was rejected, and when rows were checked, the rows added are accounted for.</summary>
    [JsonPropertyOrder(TrailingOrder)]
    public bool Passed => Clean && (!RowsChecked || RowsAccountedFor);

    /// <summary>
    /// Every accepted reading is a new row (fewer rows is data loss). More rows are possible only from answers that were
    /// not 200: a 503'd batch may have committed part of itself before another part was refused, and its retry then
    /// reports those readings as duplicates, or, at the stop, it is abandoned. So rows ≤ accepted + duplicates + abandoned.
    /// </summary>
    [JsonIgnore]
    public bool RowsAccountedFor => RowsCommitted is { } added && added >= Accepted && added <= Accepted + Duplicates + Abandoned;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(IngestResult))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
