using System.CommandLine;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Backfill;

/// <summary>The <c>backfill</c> command line: its options, their validation, and the binding to <see cref="BackfillOptions"/>.</summary>
internal static class BackfillCommand
{
    private const int MaxBatchItems = 10_000;

    // A year of minutes per device: far beyond any analytics window, still a bounded run.
    private const int MaxHours = 24 * 366;

    public static Command Create()
    {
        var gateway = CliOptions.Gateway();
        var vehicles = new Option<int>("--vehicles") { Description = "Vehicles {prefix}VEH-000001 …, each with its meter {prefix}MTR-000001 ….", HelpName = "n", DefaultValueFactory = _ => 100 };
        var hours = new Option<int>("--hours") { Description = "Hours of history, a reading a minute per device.", HelpName = "h", DefaultValueFactory = _ => 24 };
        var end = new Option<DateTimeOffset?>("--end")
        {
            Description = "Timestamp of the last readings (RFC 3339, in the past; taken down to the minute) [default: now − 1 min].",
            HelpName = "timestamp",
            CustomParser = CliOptions.ParsePastTimestamp,
        };
        var batch = new Option<int>("--batch") { Description = "Readings per /v1/telemetry/batch request (1: single-reading POSTs).", HelpName = "b", DefaultValueFactory = _ => 1000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight.", HelpName = "c", DefaultValueFactory = _ => 8 };
        var seed = CliOptions.Seed("Seed of the reading values: the same seed sends the same values for the same minutes.");
        var prefix = CliOptions.Prefix("Prepended to every device id; analytics --prefix must match.", DeviceIds.LongestSuffix);
        var json = CliOptions.Json();

        CliOptions.Range(vehicles, 1, DeviceIds.MaxNumber);
        CliOptions.Range(hours, 1, MaxHours);
        CliOptions.Range(batch, 1, MaxBatchItems);
        CliOptions.Range(concurrency, 1, 4096);

        var command = new Command("backfill", "Post past readings (one a minute per device) for N vehicles and their meters, as the reference engine's test-data generator does.")
        {
            gateway, vehicles, hours, end, batch, concurrency, seed, prefix, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var last = parse.GetValue(end) ?? DateTimeOffset.UtcNow.AddMinutes(-1);
            var options = new BackfillOptions(
                Gateway: parse.GetRequiredValue(gateway),
                Vehicles: parse.GetValue(vehicles),
                Hours: parse.GetValue(hours),
                End: new DateTimeOffset(last.UtcTicks - (last.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero),
                BatchSize: parse.GetValue(batch),
                Concurrency: parse.GetValue(concurrency),
                Seed: parse.GetValue(seed),
                Prefix: parse.GetValue(prefix) ?? string.Empty,
                JsonPath: parse.GetValue(json));
            return BackfillRunner.RunAsync(options, cancellationToken);
        });
        return command;
    }
}
