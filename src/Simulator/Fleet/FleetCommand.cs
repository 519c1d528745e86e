using System.CommandLine;
using System.Globalization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>The <c>fleet</c> command line: its options, their validation, and the binding to <see cref="FleetOptions"/>.</summary>
internal static class FleetCommand
{
    private const int MaxBatchItems = 10_000;
    private const long MaxRounds = 10_000_000;
    private const double MaxSpeedup = 1_000_000;
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var gateway = CliOptions.Gateway();
        var meters = new Option<int>("--meters") { Description = "Meters (chargers): meter i is vehicle i's; meters beyond --vehicles stay idle.", HelpName = "n", DefaultValueFactory = _ => 100 };
        var vehicles = new Option<int>("--vehicles") { Description = "Vehicles ({prefix}VEH-000001 …).", HelpName = "n", DefaultValueFactory = _ => 100 };
        // Nullable with the defaults applied at binding: help would print a TimeSpan default as 00:01:00.
        var interval = new Option<TimeSpan?>("--interval")
        {
            Description = "Simulated time between a device's readings (whole seconds, at most 1h) [default: 60s].",
            HelpName = "span",
            CustomParser = CliOptions.ParseSpan,
        };
        var speedup = new Option<double>("--speedup") { Description = "Simulated seconds per real second.", HelpName = "k", DefaultValueFactory = _ => 60 };
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "Real running time (e.g. 60s, 10m); the run covers duration × speedup of simulated time [default: 60s].",
            HelpName = "span",
            CustomParser = CliOptions.ParseSpan,
        };
        var batch = new Option<int>("--batch") { Description = "Readings per request: 1 posts to /v1/telemetry/meter|vehicle, more to /v1/telemetry/batch.", HelpName = "b", DefaultValueFactory = _ => 1 };
        var concurrency = new Option<int?>("--concurrency") { Description = "Requests in flight [default: 64 for single readings, 8 for batches].", HelpName = "c" };
        var seed = CliOptions.Seed("Seed of the fleet: the same seed sends the same readings for the same devices and timestamps.");
        var faulty = new Option<double>("--faulty-share") { Description = "Share of vehicles charging at 0.60–0.85 efficiency (WARNING/CRITICAL).", HelpName = "share", DefaultValueFactory = _ => 0.1 };
        var sensor = new Option<double>("--sensor-fault-share") { Description = "Share of vehicles whose DC reads above AC (ANOMALY).", HelpName = "share", DefaultValueFactory = _ => 0.01 };
        var start = new Option<DateTimeOffset?>("--start")
        {
            Description = "Simulated start (RFC 3339, in the past) [default: now − duration × speedup, on the interval grid, so the run ends at about now].",
            HelpName = "timestamp",
            CustomParser = CliOptions.ParsePastTimestamp,
        };
        var prefix = CliOptions.Prefix("Prepended to every device id, to keep this fleet's devices apart from earlier runs'.", DeviceIds.LongestSuffix);
        var verify = new Option<bool>("--verify")
        {
            Description = "At the end, check up to 200 vehicles' status and analytics against the readings the gateway acknowledged; exit 1 on a mismatch.",
        };
        var json = CliOptions.Json();

        CliOptions.Range(meters, 0, DeviceIds.MaxNumber);
        CliOptions.Range(vehicles, 0, DeviceIds.MaxNumber);
        CliOptions.Range(batch, 1, MaxBatchItems);
        CliOptions.Range(faulty, 0.0, 1.0);
        CliOptions.Range(sensor, 0.0, 1.0);
        CliOptions.Range(speedup, 0.001, MaxSpeedup);
        CliOptions.Require(concurrency, c => c is null or (>= 1 and <= 4096), "--concurrency must be 1 to 4096.");
        CliOptions.Require(interval, i => i is not { } value
            || (value >= TimeSpan.FromSeconds(1) && value <= MaxInterval && value.Ticks % TimeSpan.TicksPerSecond == 0),
            "--interval must be whole seconds from 1s to 1h.");
        CliOptions.Require(duration, d => d is not { } value || (value > TimeSpan.Zero && value <= MaxDuration), "--duration must be more than 0 and at most 7d.");

        var command = new Command("fleet", "Simulate a fleet of chargers and electric vehicles in accelerated time, posting their readings to the gateway.")
        {
            gateway, meters, vehicles, interval, speedup, duration, batch, concurrency, seed, faulty, sensor, start, prefix, verify, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = Bind(parse, gateway, meters, vehicles, interval, speedup, duration, batch, concurrency, seed, faulty, sensor, start, prefix, verify, json);
            return Problem(options) is { } problem ? Task.FromResult(CliOptions.Usage(problem)) : FleetRunner.RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static FleetOptions Bind(
        ParseResult parse, Option<Uri> gateway, Option<int> meters, Option<int> vehicles, Option<TimeSpan?> interval, Option<double> speedup,
        Option<TimeSpan?> duration, Option<int> batch, Option<int?> concurrency, Option<long> seed, Option<double> faulty, Option<double> sensor,
        Option<DateTimeOffset?> start, Option<string> prefix, Option<bool> verify, Option<string?> json)
    {
        var step = parse.GetValue(interval) ?? DefaultInterval;
        var length = parse.GetValue(duration) ?? DefaultDuration;
        // Capped so an absurd request still binds (and is then refused by the round limit) rather than overflowing.
        var span = TimeSpan.FromTicks((long)Math.Min(length.Ticks * parse.GetValue(speedup), step.Ticks * (double)(MaxRounds + 1)));
        var batchSize = parse.GetValue(batch);
        return new FleetOptions(
            Gateway: parse.GetRequiredValue(gateway),
            Meters: parse.GetValue(meters),
            Vehicles: parse.GetValue(vehicles),
            Prefix: parse.GetValue(prefix) ?? string.Empty,
            Interval: step,
            Speedup: parse.GetValue(speedup),
            Duration: length,
            BatchSize: batchSize,
            Concurrency: parse.GetValue(concurrency) ?? (batchSize == 1 ? 64 : 8),
            Seed: parse.GetValue(seed),
            FaultyShare: parse.GetValue(faulty),
            SensorFaultShare: parse.GetValue(sensor),
            Start: parse.GetValue(start) ?? DefaultStart(span, step),
            Verify: parse.GetValue(verify),
            JsonPath: parse.GetValue(json));
    }

    // Checked after binding rather than in validators: System.CommandLine runs command validators before
    // applying defaults, and their errors hide the per-option ones.
    private static string? Problem(FleetOptions options)
    {
        if (options.Meters + (long)options.Vehicles < 1)
        {
            return "--meters and --vehicles must add up to at least 1.";
        }

        if (options.FaultyShare + options.SensorFaultShare > 1)
        {
            return "--faulty-share and --sensor-fault-share must add up to at most 1.";
        }

        if (options.Rounds < 1)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"--duration × --speedup ({SpanText.Format(options.SimulatedSpan)}) is shorter than one --interval: no reading would be due.");
        }

        return options.Rounds > MaxRounds
            ? string.Create(CultureInfo.InvariantCulture, $"{options.Rounds:N0} rounds: at most {MaxRounds:N0}; use a longer --interval or a shorter run.")
            : null;
    }

    // The run ends at about now with whole-interval timestamps (12:01:00, not 12:00:37), as meters report.
    private static DateTimeOffset DefaultStart(TimeSpan span, TimeSpan interval)
    {
        var start = DateTimeOffset.UtcNow - span;
        return new DateTimeOffset(start.UtcTicks - (start.UtcTicks % interval.Ticks), TimeSpan.Zero);
    }
}
