using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace EnergyActors.Simulator.Ingest;

/// <summary>The <c>ingest</c> command line: its options, their validation, and the binding to <see cref="IngestOptions"/>.</summary>
internal static class IngestCommand
{
    private const int MaxBatchItems = 10_000;
    private const int MaxDeviceIdLength = 64;

    // A week: long enough for any soak run, and far from TimeSpan's overflow.
    private const double MaxSeconds = 7 * 24 * 3600;

    // Widest id the generator makes: "MTR-" or "VEH-" and up to 8 digits.
    private const int LongestGeneratedIdSuffix = 12;

    private static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Command Create()
    {
        var gateway = new Option<Uri>("--gateway")
        {
            Description = "Base URL of the gateway.",
            HelpName = "url",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:5000"),
            CustomParser = ParseGateway,
        };
        var mode = new Option<string>("--mode")
        {
            Description = "single: one reading per POST to /v1/telemetry/meter|vehicle; batch: JSON arrays to /v1/telemetry/batch.",
            DefaultValueFactory = _ => "single",
        };
        mode.AcceptOnlyFromAmong("single", "batch");
        var meters = new Option<int>("--meters") { Description = "Number of meters (MTR-000001 …).", HelpName = "n", DefaultValueFactory = _ => 1000 };
        var vehicles = new Option<int>("--vehicles") { Description = "Number of vehicles (VEH-000001 …).", HelpName = "n", DefaultValueFactory = _ => 1000 };
        var prefix = new Option<string>("--prefix")
        {
            Description = "Prepended to every device id, to make a run's (device, timestamp) keys new; without it a re-run sends duplicates.",
            DefaultValueFactory = _ => string.Empty,
        };
        var duration = new Option<double>("--duration")
        {
            Description = "Measured seconds; 0 for no time limit (then --readings is required).",
            HelpName = "seconds",
            DefaultValueFactory = _ => 30,
        };
        var readings = new Option<long?>("--readings") { Description = "Stop after sending this many readings (measured phase), or at --duration, whichever comes first.", HelpName = "n" };
        var concurrency = new Option<int?>("--concurrency") { Description = "Requests in flight [default: 64 for single, 8 for batch].", HelpName = "c" };
        var batchSize = new Option<int>("--batch-size") { Description = "Readings per batch request (batch mode, at most 10000).", HelpName = "b", DefaultValueFactory = _ => 1000 };
        var seed = new Option<long>("--seed") { Description = "Seed of the reading values: the same seed sends the same values.", HelpName = "s", DefaultValueFactory = _ => 1 };
        // Nullable with the default applied at binding: help would print a DateTimeOffset default in its culture-dependent form.
        var start = new Option<DateTimeOffset?>("--start")
        {
            Description = "Timestamp of every device's first reading (RFC 3339, in the past); later readings follow 60 s apart [default: 2026-01-01T00:00:00Z].",
            HelpName = "timestamp",
            CustomParser = ParseStart,
        };
        var connection = new Option<string?>("--connection")
        {
            Description = "Npgsql connection string: count meter_readings + vehicle_readings rows before and after, to check rows added = accepted.",
            HelpName = "connection-string",
        };
        var json = new Option<string?>("--json") { Description = "Also write the result figures to this file as JSON.", HelpName = "path" };
        json.AcceptLegalFilePathsOnly();
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
        readings.Validators.Add(r => Check(r, r.GetValue(readings) is null or >= 1, "--readings must be at least 1."));
        concurrency.Validators.Add(r => Check(r, r.GetValue(concurrency) is null or >= 1, "--concurrency must be at least 1."));
        batchSize.Validators.Add(r => Check(r, r.GetValue(batchSize) is >= 1 and <= MaxBatchItems, $"--batch-size must be 1 to {MaxBatchItems}."));
        prefix.Validators.Add(r => Check(r, IsValidPrefix(r.GetValue(prefix) ?? string.Empty),
            $"--prefix may hold only [A-Za-z0-9._:-] and at most {MaxDeviceIdLength - LongestGeneratedIdSuffix} characters."));

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
                return Task.FromResult(Usage("--meters and --vehicles must add up to at least 1."));
            }

            if (parse.GetValue(duration) == 0 && parse.GetValue(readings) is null)
            {
                return Task.FromResult(Usage("--duration 0 needs --readings, or the run would never stop."));
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

    private static int Usage(string problem)
    {
        StatusMessages.Error(problem);
        return 1;
    }

    private static void RequireAtLeast<T>(Option<T> option, T minimum)
        where T : IComparable<T> =>
        option.Validators.Add(r => Check(r, r.GetValue(option)!.CompareTo(minimum) >= 0, $"{option.Name} must be at least {minimum}."));

    private static void RequireSeconds(Option<double> option) =>
        option.Validators.Add(r => Check(r, r.GetValue(option) is >= 0 and <= MaxSeconds, $"{option.Name} must be 0 to {MaxSeconds:N0} seconds."));

    private static void Check(SymbolResult result, bool valid, string message)
    {
        if (!valid)
        {
            result.AddError(message);
        }
    }

    private static bool IsValidPrefix(string prefix) =>
        prefix.Length <= MaxDeviceIdLength - LongestGeneratedIdSuffix
        && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');

    private static Uri? ParseGateway(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"--gateway must be an absolute http:// or https:// URL, not '{text}'.");
        return null;
    }

    private static DateTimeOffset? ParseStart(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
        {
            result.AddError($"--start must be a timestamp such as 2026-01-01T00:00:00Z, not '{text}'.");
            return null;
        }

        if (start >= DateTimeOffset.UtcNow)
        {
            result.AddError("--start must be in the past: the gateway rejects readings from the future.");
        }

        return start.ToUniversalTime();
    }
}
