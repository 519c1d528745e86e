using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyActors.Simulator.Fleet;
using EnergyActors.Simulator.Shared;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Commands;

/// <summary>
/// <c>fleet</c>: a fleet of chargers and EVs in accelerated simulated time. A producer releases each reporting
/// round when the simulated clock reaches it, workers post its readings, and at the end the figures are reported
/// (and, with <c>--verify</c>, checked against the API). It passes when nothing failed or was rejected, verification
/// found no mismatch, and the run was not cancelled.
/// </summary>
internal sealed class FleetCommand : SimulatorCommand
{
    private const int MaxBatchItems = 10_000;
    private const long MaxRounds = 10_000_000;
    private const double MaxSpeedup = 1_000_000;
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(60);

    private readonly Option<Uri> _gateway = CliOptions.Gateway();
    private readonly Option<int> _meters = new("--meters") { Description = "Meters (chargers): meter i is vehicle i's; meters beyond --vehicles stay idle.", HelpName = "n", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _vehicles = new("--vehicles") { Description = "Vehicles ({prefix}VEH-000001 …).", HelpName = "n", DefaultValueFactory = _ => 100 };

    // Nullable with the defaults applied at binding: help would print a TimeSpan default as 00:01:00.
    private readonly Option<TimeSpan?> _interval = new("--interval") { Description = "Simulated time between a device's readings (whole seconds, at most 1h) [default: 60s].", HelpName = "span", CustomParser = CliOptions.ParseSpan };
    private readonly Option<double> _speedup = new("--speedup") { Description = "Simulated seconds per real second.", HelpName = "k", DefaultValueFactory = _ => 60 };
    private readonly Option<TimeSpan?> _duration = new("--duration") { Description = "Real running time (e.g. 60s, 10m); the run covers duration × speedup of simulated time [default: 60s].", HelpName = "span", CustomParser = CliOptions.ParseSpan };
    private readonly Option<int> _batch = new("--batch") { Description = "Readings per request: 1 posts to /v1/telemetry/meter|vehicle, more to /v1/telemetry/batch.", HelpName = "b", DefaultValueFactory = _ => 1 };
    private readonly Option<int?> _concurrency = new("--concurrency") { Description = "Requests in flight [default: 64 for single readings, 8 for batches].", HelpName = "c" };
    private readonly Option<long> _seed = CliOptions.Seed("Seed of the fleet: the same seed sends the same readings for the same devices and timestamps.");
    private readonly Option<double> _faulty = new("--faulty-share") { Description = "Share of vehicles charging badly: at 0.55–0.66 efficiency (CRITICAL, an alert deserved) or 0.74–0.84 (WARNING).", HelpName = "share", DefaultValueFactory = _ => 0.1 };
    private readonly Option<double> _sensor = new("--sensor-fault-share") { Description = "Share of vehicles whose DC reads above AC (ANOMALY).", HelpName = "share", DefaultValueFactory = _ => 0.01 };
    private readonly Option<DateTimeOffset?> _start = new("--start")
    {
        Description = "Simulated start (RFC 3339, in the past) [default: now − duration × speedup, on the interval grid, so the run ends at about now].",
        HelpName = "timestamp",
        CustomParser = CliOptions.ParsePastTimestamp,
    };

    private readonly Option<string> _prefix = CliOptions.Prefix("Prepended to every device id, to keep this fleet's devices apart from earlier runs'.", DeviceIds.LongestSuffix);
    private readonly Option<bool> _verify = new("--verify") { Description = "At the end, check up to 200 vehicles' status and analytics against the readings the gateway acknowledged, and (after the fleet's hold-off) that their active efficiency alerts are the ones their faults deserve; exit 1 on a mismatch." };
    private readonly Option<string?> _json = CliOptions.Json();

    public FleetCommand()
        : base("fleet", "Simulate a fleet of chargers and electric vehicles in accelerated time, posting their readings to the gateway.")
    {
        CliOptions.Range(_meters, 0, DeviceIds.MaxNumber);
        CliOptions.Range(_vehicles, 0, DeviceIds.MaxNumber);
        CliOptions.Range(_batch, 1, MaxBatchItems);
        CliOptions.Range(_faulty, 0.0, 1.0);
        CliOptions.Range(_sensor, 0.0, 1.0);
        CliOptions.Range(_speedup, 0.001, MaxSpeedup);
        CliOptions.Require(_concurrency, c => c is null or (>= 1 and <= 4096), "--concurrency must be 1 to 4096.");
        CliOptions.Require(_interval, i => i is not { } value
            || (value >= TimeSpan.FromSeconds(1) && value <= MaxInterval && value.Ticks % TimeSpan.TicksPerSecond == 0),
            "--interval must be whole seconds from 1s to 1h.");
        CliOptions.Require(_duration, d => d is not { } value || (value > TimeSpan.Zero && value <= MaxDuration), "--duration must be more than 0 and at most 7d.");
        AddOptions(_gateway, Key, _meters, _vehicles, _interval, _speedup, _duration, _batch, _concurrency, _seed, _faulty, _sensor, _start, _prefix, _verify, _json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation)
    {
        var options = Bind(parse);
        if (Problem(options) is { } problem)
        {
            return Usage(problem);
        }

        using var http = await ConnectAsync(parse, options.Gateway, options.Concurrency, cancellation);
        if (http is null)
        {
            return 1;
        }

        StatusMessages.Note(options.Plan());
        FleetModel model;
        var preparing = Stopwatch.GetTimestamp();
        try
        {
            model = FleetModel.Create(options, cancellation);
            StatusMessages.Note(string.Create(CultureInfo.InvariantCulture,
                $"Vehicle histories prepared up to the start in {Stopwatch.GetElapsedTime(preparing).TotalSeconds:0.0} s."));
        }
        catch (OperationCanceledException)
        {
            StatusMessages.Error("Cancelled before sending anything.");
            return 1;
        }

        var ledger = options.Verify ? AckLedger.ForSample(model) : null;
        var counters = new IngestCounters();
        var latency = new LatencyHistogram();
        var rounds = new RoundTracker(options);
        using var deadline = new CancellationTokenSource(options.Deadline);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, deadline.Token);
        using var drain = new Drain(stop.Token);
        var driver = new FleetDriver(http, options, model, rounds, counters, latency, ledger);
        var elapsed = await FollowAsync(new Progress(rounds, counters, latency), startedAt => driver.RunAsync(startedAt, stop.Token, drain.Token));

        var reason = cancellation.IsCancellationRequested ? "Ctrl+C"
            : rounds.Queued == rounds.Planned && counters.Sent == rounds.Planned * model.ReadingsPerRound ? $"all {rounds.Planned:N0} rounds sent"
            : "--duration reached before every round was sent (the gateway is slower than the schedule)";
        var verify = ledger is null ? null : await VerifyAsync(http, ledger, model, cancellation);
        var result = new FleetResult(
            options.Gateway.ToString(), options.Meters, options.Vehicles, model.Composition,
            options.Interval.TotalSeconds, options.Speedup, options.Duration.TotalSeconds, options.BatchSize, options.Concurrency, options.Seed,
            Figures.Timestamp(options.Start), Figures.Timestamp(rounds.SimulatedNow), reason,
            rounds.Planned, rounds.Queued, rounds.Planned * model.ReadingsPerRound, counters.Sent,
            IngestFigures.Snapshot(counters, latency, elapsed), verify);
        Summarise(Report(result), counters.Samples.Items, result.Passed, result.Verify is { } found ? found.Write : null);
        return await ExitAsync(result, FleetJsonContext.Default.FleetResult, parse.GetValue(_json), result.Passed && !cancellation.IsCancellationRequested);
    }

    private FleetOptions Bind(ParseResult parse)
    {
        var step = parse.GetValue(_interval) ?? DefaultInterval;
        var length = parse.GetValue(_duration) ?? DefaultDuration;

        // Capped so an absurd request still binds (and is then refused by the round limit) rather than overflowing.
        var span = TimeSpan.FromTicks((long)Math.Min(length.Ticks * parse.GetValue(_speedup), step.Ticks * (double)(MaxRounds + 1)));
        var batchSize = parse.GetValue(_batch);
        return new FleetOptions(
            Gateway: parse.GetRequiredValue(_gateway),
            Meters: parse.GetValue(_meters),
            Vehicles: parse.GetValue(_vehicles),
            Prefix: parse.GetValue(_prefix) ?? string.Empty,
            Interval: step,
            Speedup: parse.GetValue(_speedup),
            Duration: length,
            BatchSize: batchSize,
            Concurrency: parse.GetValue(_concurrency) ?? (batchSize == 1 ? 64 : 8),
            Seed: parse.GetValue(_seed),
            FaultyShare: parse.GetValue(_faulty),
            SensorFaultShare: parse.GetValue(_sensor),
            Start: parse.GetValue(_start) ?? DefaultStart(span, step),
            Verify: parse.GetValue(_verify));
    }

    // The run ends at about now with whole-interval timestamps (12:01:00, not 12:00:37), as meters report.
    private static DateTimeOffset DefaultStart(TimeSpan span, TimeSpan interval)
    {
        var start = DateTimeOffset.UtcNow - span;
        return new DateTimeOffset(start.UtcTicks - (start.UtcTicks % interval.Ticks), TimeSpan.Zero);
    }

    // Checked after binding rather than in validators: System.CommandLine runs command validators before
    // applying defaults, and their errors hide the per-option ones.
    private static string? Problem(FleetOptions options) =>
        options.Meters + (long)options.Vehicles < 1 ? "--meters and --vehicles must add up to at least 1."
        : options.FaultyShare + options.SensorFaultShare > 1 ? "--faulty-share and --sensor-fault-share must add up to at most 1."
        : options.Rounds < 1 ? string.Create(CultureInfo.InvariantCulture,
            $"--duration × --speedup ({SpanText.Format(options.SimulatedSpan)}) is shorter than one --interval: no reading would be due.")
        : options.Rounds > MaxRounds ? string.Create(CultureInfo.InvariantCulture, $"{options.Rounds:N0} rounds: at most {MaxRounds:N0}; use a longer --interval or a shorter run.")
        : null;

    private static async Task<VerifyResult?> VerifyAsync(HttpClient http, AckLedger ledger, FleetModel model, CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested)
        {
            StatusMessages.Warn("Verification skipped: the run was cancelled.");
            return null;
        }

        StatusMessages.Note("Verifying the sampled vehicles against the API…");
        try
        {
            var figures = await new FleetVerifier(http, ledger).RunAsync(cancellation);
            StatusMessages.Note("Checking the sampled vehicles' alerts once the fleet's hold-off has passed…");
            var alerts = await new AlertVerifier(http, model, [.. ledger.Vehicles.Select(v => v.Key)]).RunAsync(cancellation);
            return figures with { Checks = [.. figures.Checks, alerts] };
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            StatusMessages.Warn("Verification cancelled.");
            return null;
        }
    }

    private static Table Report(FleetResult result)
    {
        var table = ResultTable("fleet result");
        var composition = result.Composition;
        table.AddRow("devices", $"{Figures.Count(result.Meters)} meters, {Figures.Count(result.Vehicles)} vehicles");
        table.AddRow("vehicles healthy / faulty / sensor fault",
            $"{Figures.Count(composition.Healthy)} / {Figures.Count(composition.Faulty)} / {Figures.Count(composition.SensorFault)}");
        table.AddRow("simulated", Markup.Escape($"{result.SimulatedStart} → {result.SimulatedEnd}"));
        table.AddRow("interval, speedup", $"{Figures.Number(result.IntervalSeconds, "0.###")} s, ×{Figures.Number(result.Speedup, "0.###")}");
        table.AddRow("sending", result.BatchSize == 1 ? "single readings" : $"batches of {Figures.Count(result.BatchSize)}");
        table.AddRow("concurrency", Figures.Count(result.Concurrency));
        table.AddRow("stopped by", Markup.Escape(result.StopReason));
        table.AddRow("rounds sent / planned", $"{Figures.Count(result.RoundsQueued)} / {Figures.Count(result.RoundsPlanned)}");
        table.AddRow("readings sent / planned", $"{Figures.Count(result.ReadingsSent)} / {Figures.Count(result.ReadingsPlanned)}");
        AddCounterRows(table, result);
        AddLatencyRow(table, result);
        return table;
    }

    /// <summary>Simulated clock and rounds, reading counts, rate and latency.</summary>
    private sealed class Progress(RoundTracker rounds, IngestCounters counters, LatencyHistogram latency) : ProgressView("fleet")
    {
        public override IRenderable Live(TimeSpan elapsed)
        {
            var accepted = counters.Accepted;
            var behind = rounds.Behind(elapsed);

            // Short lines rather than a wide table: they have to fit an 80-column terminal with millions in them.
            return new Rows(
                new Markup(
                    $"{LiveHeading(elapsed)}  simulated {Figures.Timestamp(rounds.SimulatedNow)}  " +
                    $"round {Figures.Count(rounds.Queued)}/{Figures.Count(rounds.Planned)}" + (behind > 0 ? $" [yellow](behind {Figures.Count(behind)})[/]" : string.Empty)),
                new Markup($"sent {Figures.Count(counters.Sent)}  accepted {Figures.Count(accepted)}  duplicates {Figures.Count(counters.Duplicates)}"),
                new Markup($"rejected {Figures.Alarm(counters.Rejected)}  retried 503s {Figures.Count(counters.Retried)}  failed {Figures.Alarm(counters.Failed)}"),
                new Markup(
                    $"{LiveRate(accepted, elapsed, "readings")}  " +
                    $"latency p50 {Figures.Number(latency.PercentileMilliseconds(50), "0.00")} ms  p99 {Figures.Number(latency.PercentileMilliseconds(99), "0.00")} ms"));
        }

        public override string Plain(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
            $"{PlainHeading(elapsed)}  simulated {Figures.Timestamp(rounds.SimulatedNow)}  round {rounds.Queued:N0}/{rounds.Planned:N0} (behind {rounds.Behind(elapsed):N0})  " +
            $"sent {counters.Sent:N0}  accepted {counters.Accepted:N0}  duplicates {counters.Duplicates:N0}  rejected {counters.Rejected:N0}  " +
            $"retried {counters.Retried:N0}  failed {counters.Failed:N0}  {Figures.PerSecond(counters.Accepted, elapsed):N0} readings/s  " +
            $"p50 {latency.PercentileMilliseconds(50):0.00} ms  p99 {latency.PercentileMilliseconds(99):0.00} ms");
    }
}

/// <summary>
/// The figures of a fleet run, as printed and as written by <c>--json</c>; <see cref="Verify"/> is null without <c>--verify</c>.
/// <see cref="Ingest"/> only feeds the inherited figures, which <c>--json</c> writes at the top level.
/// </summary>
internal sealed record FleetResult(
    string Gateway, int Meters, int Vehicles, FleetComposition Composition, double IntervalSeconds, double Speedup, double DurationSeconds,
    int BatchSize, int Concurrency, long Seed, string SimulatedStart, string SimulatedEnd, string StopReason,
    long RoundsPlanned, long RoundsQueued, long ReadingsPlanned, long ReadingsSent,
    [property: JsonIgnore] IngestFigures Ingest,
    [property: JsonPropertyOrder(IngestFigures.TrailingOrder)] VerifyResult? Verify) : IngestFigures(Ingest)
{
    /// <summary>Nothing failed or was rejected, and verification (when asked for) found no mismatch.</summary>
    [JsonPropertyOrder(TrailingOrder)]
    public bool Passed => Clean && (Verify?.Passed ?? true);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(FleetResult))]
internal sealed partial class FleetJsonContext : JsonSerializerContext;
