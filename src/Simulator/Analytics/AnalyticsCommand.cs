using System.CommandLine;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Analytics;

/// <summary>The <c>analytics</c> command line: which vehicles, how many queries, and whether through the gateway or in SQL.</summary>
internal static class AnalyticsCommand
{
    private const long MaxRequests = 100_000_000;

    public static Command Create()
    {
        var gateway = CliOptions.Gateway();
        var vehicles = new Option<int>("--vehicles") { Description = "Vehicles to query in turn: {prefix}VEH-000001 …, as backfill creates them.", HelpName = "n", DefaultValueFactory = _ => 100 };
        var prefix = CliOptions.Prefix("Vehicle id prefix, as given to backfill.", DeviceIds.LongestSuffix);
        var requests = new Option<long>("--requests") { Description = "Measured requests.", HelpName = "r", DefaultValueFactory = _ => 10_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight.", HelpName = "c", DefaultValueFactory = _ => 16 };
        var warmup = new Option<long>("--warmup") { Description = "Requests before measuring, not measured (JIT, connections, grain activation).", HelpName = "r", DefaultValueFactory = _ => 100 };
        var sql = new Option<string?>("--sql")
        {
            Description = "Npgsql connection string (or env:NAME to read it from that variable): run the reference engine's two SQL aggregations per request against PostgreSQL instead of calling the gateway.",
            HelpName = "connection-string",
            CustomParser = CliOptions.ParseConnection,
        };
        var json = CliOptions.Json();
        CliOptions.Range(vehicles, 1, DeviceIds.MaxNumber);
        CliOptions.Range(requests, 1, MaxRequests);
        CliOptions.Range(warmup, 0, MaxRequests);
        CliOptions.Range(concurrency, 1, 4096);

        var command = new Command("analytics", "Measure GET /v1/analytics/performance/{id} latency and throughput, or the equivalent SQL (--sql), over backfilled vehicles.")
        {
            gateway, vehicles, prefix, requests, concurrency, warmup, sql, json,
        };
        command.SetAction((parse, cancellationToken) => AnalyticsRunner.RunAsync(
            new AnalyticsOptions(
                Gateway: parse.GetRequiredValue(gateway),
                Vehicles: parse.GetValue(vehicles),
                Prefix: parse.GetValue(prefix) ?? string.Empty,
                Requests: parse.GetValue(requests),
                Warmup: parse.GetValue(warmup),
                Concurrency: parse.GetValue(concurrency),
                SqlConnection: parse.GetValue(sql),
                JsonPath: parse.GetValue(json)),
            cancellationToken));
        return command;
    }
}
