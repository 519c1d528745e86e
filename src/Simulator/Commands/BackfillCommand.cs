using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyActors.Simulator.Backfill;
using EnergyActors.Simulator.Shared;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Commands;

/// <summary>
/// <c>backfill</c>: the reference engine's test data, one reading a minute per vehicle and per meter over the
/// hours before <c>--end</c>, posted as fast as the gateway takes them. It passes when every reading was
/// acknowledged (accepted or duplicate) and none failed or was rejected.
/// </summary>
internal sealed class BackfillCommand : SimulatorCommand
{
    private const int MaxBatchItems = 10_000;

    // A year of minutes per device: far beyond any analytics window, still a bounded run.
    private const int MaxHours = 24 * 366;

    private readonly Option<Uri> _gateway = CliOptions.Gateway();
    private readonly Option<int> _vehicles = new("--vehicles") { Description = "Vehicles {prefix}VEH-000001 …, each with its meter {prefix}MTR-000001 ….", HelpName = "n", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _hours = new("--hours") { Description = "Hours of history, a reading a minute per device.", HelpName = "h", DefaultValueFactory = _ => 24 };
    private readonly Option<DateTimeOffset?> _end = new("--end")
    {
        Description = "Timestamp of the last readings (RFC 3339, in the past; taken down to the minute) [default: now − 1 min].",
        HelpName = "timestamp",
        CustomParser = CliOptions.ParsePastTimestamp,
    };

    private readonly Option<int> _batch = new("--batch") { Description = "Readings per /v1/telemetry/batch request (1: single-reading POSTs).", HelpName = "b", DefaultValueFactory = _ => 1000 };
    private readonly Option<int> _concurrency = new("--concurrency") { Description = "Requests in flight.", HelpName = "c", DefaultValueFactory = _ => 8 };
    private readonly Option<long> _seed = CliOptions.Seed("Seed of the reading values: the same seed sends the same values for the same minutes.");
    private readonly Option<string> _prefix = CliOptions.Prefix("Prepended to every device id; analytics --prefix must match.", DeviceIds.LongestSuffix);
    private readonly Option<string?> _json = CliOptions.Json();

    public BackfillCommand()
        : base("backfill", "Post past readings (one a minute per device) for N vehicles and their meters, as the reference engine's test-data generator does.")
    {
        CliOptions.Range(_vehicles, 1, DeviceIds.MaxNumber);
        CliOptions.Range(_hours, 1, MaxHours);
        CliOptions.Range(_batch, 1, MaxBatchItems);
        CliOptions.Range(_concurrency, 1, 4096);
        AddOptions(_gateway, Key, _vehicles, _hours, _end, _batch, _concurrency, _seed, _prefix, _json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation)
    {
        var last = parse.GetValue(_end) ?? DateTimeOffset.UtcNow.AddMinutes(-1);
        var options = new BackfillOptions(
            Gateway: parse.GetRequiredValue(_gateway),
            Vehicles: parse.GetValue(_vehicles),
            Hours: parse.GetValue(_hours),
            End: new DateTimeOffset(last.UtcTicks - (last.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero),
            BatchSize: parse.GetValue(_batch),
            Concurrency: parse.GetValue(_concurrency),
            Seed: parse.GetValue(_seed),
            Prefix: parse.GetValue(_prefix) ?? string.Empty,
            JsonPath: parse.GetValue(_json));

        using var http = await ConnectAsync(parse, options.Gateway, options.Concurrency, cancellation);
        if (http is null)
        {
            return 1;
        }

        StatusMessages.Note(string.Create(CultureInfo.InvariantCulture,
            $"Backfilling {options.Vehicles:N0} vehicles and {options.Vehicles:N0} meters, a reading a minute from {Figures.Timestamp(options.First)} " +
            $"to {Figures.Timestamp(options.End)} ({options.Readings:N0} readings) in {(options.BatchSize == 1 ? "single readings" : $"batches of {options.BatchSize:N0}")} " +
            $"to {options.Gateway}, {options.Concurrency} in flight."));

        var generator = new BackfillGenerator(options);
        var driver = new LoadDriver(http, options.Concurrency, options.BatchSize, options.BatchSize > 1, generator.Get, new ReadingSequence(options.Readings));
        var counters = new IngestCounters();
        using var drain = new Drain(cancellation);
        var (latency, elapsed) = await FollowAsync(new Progress(options.Readings, counters), _ => driver.RunAsync(counters, cancellation, drain.Token));

        var result = new BackfillResult(
            options.Gateway.ToString(), options.Vehicles, options.Vehicles, options.Hours, Figures.Timestamp(options.First), Figures.Timestamp(options.End),
            options.BatchSize, options.Concurrency, options.Seed,
            cancellation.IsCancellationRequested ? "Ctrl+C" : "every reading sent",
            options.Readings, counters.Sent, IngestFigures.Snapshot(counters, latency, elapsed),
            Math.Round(Figures.PerSecond(counters.Sent, elapsed), 1));
        Summarise(Report(result), counters.Samples.Items, result.Passed);
        return await ExitAsync(result, BackfillJsonContext.Default.BackfillResult, options.JsonPath, result.Passed);
    }

    private static Table Report(BackfillResult result)
    {
        var table = ResultTable("backfill result");
        table.AddRow("devices", $"{Figures.Count(result.Vehicles)} vehicles, {Figures.Count(result.Meters)} meters");
        table.AddRow("period", Markup.Escape($"{result.From} → {result.To} ({result.Hours} h, a reading a minute)"));
        table.AddRow("sending", result.BatchSize == 1 ? "single readings" : $"batches of {Figures.Count(result.BatchSize)}");
        table.AddRow("concurrency", Figures.Count(result.Concurrency));
        table.AddRow("stopped by", Markup.Escape(result.StopReason));
        table.AddRow("readings sent / planned", $"{Figures.Count(result.ReadingsSent)} / {Figures.Count(result.ReadingsPlanned)}");
        AddCounterRows(table, result);
        table.AddRow("sent readings/s", Figures.Number(result.SentPerSecond, "N0"));
        AddLatencyRow(table, result);
        return table;
    }

    /// <summary>How far through the readings, how fast, and what the gateway answered.</summary>
    private sealed class Progress(long planned, IngestCounters counters) : ProgressView("backfill")
    {
        public override IRenderable Live(TimeSpan elapsed)
        {
            var sent = counters.Sent;
            return new Rows(
                new Markup(
                    $"{LiveHeading(elapsed)}  {Figures.Count(sent)} / {Figures.Count(planned)} readings " +
                    $"({Figures.Number(100.0 * sent / Math.Max(planned, 1), "0.0")} %)"),
                new Markup(
                    $"{LiveRate(counters.Accepted, elapsed, "readings")}  " +
                    $"accepted {Figures.Count(counters.Accepted)}  duplicates {Figures.Count(counters.Duplicates)}"),
                new Markup($"rejected {Figures.Alarm(counters.Rejected)}  retried 503s {Figures.Count(counters.Retried)}  failed {Figures.Alarm(counters.Failed)}"));
        }

        public override string Plain(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
            $"{PlainHeading(elapsed)}  sent {counters.Sent:N0}/{planned:N0}  accepted {counters.Accepted:N0}  " +
            $"duplicates {counters.Duplicates:N0}  rejected {counters.Rejected:N0}  retried {counters.Retried:N0}  failed {counters.Failed:N0}  " +
            $"{Figures.PerSecond(counters.Accepted, elapsed):N0} readings/s");
    }
}

/// <summary>
/// The settings of one <c>backfill</c> run: <see cref="Vehicles"/> vehicles and as many meters, one reading
/// per minute each for the <see cref="Hours"/> hours ending at <see cref="End"/> (a whole minute).
/// </summary>
internal sealed record BackfillOptions(
    Uri Gateway, int Vehicles, int Hours, DateTimeOffset End, int BatchSize, int Concurrency, long Seed, string Prefix, string? JsonPath)
{
    public long MinutesPerDevice => Hours * 60L;

    public DateTimeOffset First => End - TimeSpan.FromMinutes(MinutesPerDevice - 1);

    /// <summary>A meter and a vehicle reading per minute per vehicle.</summary>
    public long Readings => Vehicles * MinutesPerDevice * 2;
}

/// <summary>
/// The figures of a backfill run, as printed and as written by <c>--json</c>.
/// <see cref="Ingest"/> only feeds the inherited figures, which <c>--json</c> writes at the top level.
/// </summary>
internal sealed record BackfillResult(
    string Gateway,
    int Vehicles,
    int Meters,
    int Hours,
    string From,
    string To,
    int BatchSize,
    int Concurrency,
    long Seed,
    string StopReason,
    long ReadingsPlanned,
    long ReadingsSent,
    [property: JsonIgnore] IngestFigures Ingest,
    [property: JsonPropertyOrder(IngestFigures.RatesOrder)] double SentPerSecond) : IngestFigures(Ingest)
{
    /// <summary>Every reading was sent and acknowledged (accepted or duplicate), none failed or was rejected.</summary>
    [JsonPropertyOrder(TrailingOrder)]
    public bool Passed => Clean && ReadingsSent == ReadingsPlanned && Accepted + Duplicates == ReadingsPlanned;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BackfillResult))]
internal sealed partial class BackfillJsonContext : JsonSerializerContext;
