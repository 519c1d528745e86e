using System.CommandLine;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Ingest;

/// <summary>The <c>ingest</c> command line: its options, their validation, and the binding to <see cref="IngestOptions"/>.</summary>
internal static class IngestCommand
{
    private const int MaxBatchItems = 10_000;

    // A week: long enough for any soak run, and far from TimeSpan's overflow.
    private const double MaxSeconds = 7 * 24 * 3600;

    // Widest id the generator makes: "MTR-" or "VEH-" and up to 8 digits.
    private const int LongestGeneratedIdSuffix = 12;

    private static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Command Create()
    {
        var gateway = CliOptions.Gateway();
        var mode = new Option<string>("--mode")
        {
            Description = "single: one reading per POST to /v1/telemetry/meter|vehicle; batch: JSON arrays to /v1/telemetry/batch.",
            DefaultValueFactory = _ => "single",
        };
        mode.AcceptOnlyFromAmong("single", "batch");
        var meters = new Option<int>("--meters") { Description = "Number of meters (MTR-000001 …).", HelpName = "n", DefaultValueFactory = _ => 1000 };
        var vehicles = new Option<int>("--vehicles") { Description = "Number of vehicles (VEH-000001 …).", HelpName = "n", DefaultValueFactory = _ => 1000 };
        var prefix = CliOptions.Prefix(
            "Prepended to every device id, to make a run's (device, timestamp) keys new; without it a re-run sends duplicates.", LongestGeneratedIdSuffix);
        var duration = new Option<double>("--duration")
        {
            Description = "Measured seconds; 0 for no time limit (then --readings is required).",
            HelpName = "seconds",
            DefaultValueFactory = _ => 30,
        };
        var readings = new Option<long?>("--readings") { Description = "Stop after sending this many readings (measured phase), or at --duration, whichever comes first.", HelpName = "n" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Requests in flight [default: 64 for single, 8 for batch].", HelpName = "c" };
        var batchSize = new Option<int>("--batch-size") { Description = "Readings per batch request (batch mode, at most 10000).", HelpName = "b", DefaultValueFactory = _ => 1000 };
        var seed = CliOptions.Seed("Seed of the reading values: the same seed sends the same values.");
        // Nullable with the default applied at binding: help would print a DateTimeOffset default in its culture-dependent form.
        var start = new Option<DateTimeOffset?>("--start")
        {
            Description = "Timestamp of every device's first reading (RFC 3339, in the past); later readings follow 60 s apart [default: 2026-01-01T00:00:00Z].",
            HelpName = "timestamp",
            CustomParser = CliOptions.ParsePastTimestamp,
        };
        var connection = new Option<string?>("--connection")
        {
            Description = "Npgsql connection string (or env:NAME to read it from that variable): count meter_readings + vehicle_readings rows before and after, to check rows added = accepted.",
            HelpName = "connection-string",
            CustomParser = CliOptions.ParseConnection,
        };
        var json = CliOptions.Json();
        var warmup = new Option<double>("--warmup")
        {
            Description = "Seconds of the same load, not measured, before measuring (JIT, connections, grain activation).",
            HelpName = "seconds",
            DefaultValueFactory = _ => 5,
        };

        RequireAtLeast(meters, 0);
        RequireAtLeast(vehicles, 0);
        RequireSeconds(duration);
        RequireSeconds(warmup);
        CliOptions.Require(readings, r => r is null or >= 1, "--readings must be at least 1.");
        CliOptions.Require(concurrency, c => c is null or >= 1, "--concurrency must be at least 1.");
        CliOptions.Require(batchSize, b => b is >= 1 and <= MaxBatchItems, $"--batch-size must be 1 to {MaxBatchItems}.");

        var command = new Command("ingest", "Measure ingestion through the gateway: post generated meter and vehicle readings, report throughput and latency.")
        {
            gateway, mode, meters, vehicles, prefix, duration, readings, concurrency, batchSize, seed, start, connection, json, warmup,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            // Checked here rather than in a command validator: System.CommandLine runs those before applying
            // defaults, and their errors hide the per-option ones.
            if (parse.GetValue(meters) + (long)parse.GetValue(vehicles) < 1)
            {
                return Task.FromResult(CliOptions.Usage("--meters and --vehicles must add up to at least 1."));
            }

            if (parse.GetValue(duration) == 0 && parse.GetValue(readings) is null)
            {
                return Task.FromResult(CliOptions.Usage("--duration 0 needs --readings, or the run would never stop."));
            }

            var selectedMode = parse.GetValue(mode) == "batch" ? IngestMode.Batch : IngestMode.Single;
            var options = new IngestOptions(
                Gateway: parse.GetRequiredValue(gateway),
                Mode: selectedMode,
                Meters: parse.GetValue(meters),
                Vehicles: parse.GetValue(vehicles),
                Prefix: parse.GetValue(prefix) ?? string.Empty,
                Duration: TimeSpan.FromSeconds(parse.GetValue(duration)),
                Readings: parse.GetValue(readings),
                Concurrency: parse.GetValue(concurrency) ?? (selectedMode == IngestMode.Batch ? 8 : 64),
                BatchSize: parse.GetValue(batchSize),
                Seed: parse.GetValue(seed),
                Start: parse.GetValue(start) ?? DefaultStart,
                Connection: parse.GetValue(connection),
                JsonPath: parse.GetValue(json),
                Warmup: TimeSpan.FromSeconds(parse.GetValue(warmup)));
            return IngestRunner.RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static void RequireAtLeast<T>(Option<T> option, T minimum)
        where T : IComparable<T> =>
        CliOptions.Require(option, value => value!.CompareTo(minimum) >= 0, $"{option.Name} must be at least {minimum}.");

    private static void RequireSeconds(Option<double> option) =>
        CliOptions.Require(option, value => value is >= 0 and <= MaxSeconds, $"{option.Name} must be 0 to {MaxSeconds:N0} seconds.");
}
