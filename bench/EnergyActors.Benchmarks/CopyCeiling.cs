using System.Diagnostics;
using EnergyActors.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace EnergyActors.Benchmarks;

/// <summary>
/// The machine's ceiling for our history: the fleet dataset bulk-loaded straight into the history tables
/// with binary COPY (what no API path can beat), and the rows it leaves for the analytics step.
/// </summary>
internal static class CopyCeiling
{
    public static async Task RunAsync(BenchArguments arguments)
    {
        await using var dataSource = NpgsqlDataSource.Create(arguments.Connection);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var vehicles = arguments.Vehicles;
        var end = FleetDataset.End(DateTimeOffset.UtcNow);
        var started = Stopwatch.StartNew();
        // Two connections, one per table, as PostgreSQL uses one core per COPY.
        await Task.WhenAll(CopyMetersAsync(dataSource, arguments.Prefix, vehicles, end), CopyVehiclesAsync(dataSource, arguments.Prefix, vehicles, end));
        var seconds = started.Elapsed.TotalSeconds;
        var rows = 2.0 * vehicles * FleetDataset.MinutesPerDay;
        await BenchResult.WriteAsync(arguments, "copy", new Dictionary<string, double>
        {
            ["rows"] = rows,
            ["seconds"] = seconds,
            ["rowsPerSecond"] = rows / seconds,
        });
    }

    private static async Task CopyMetersAsync(NpgsqlDataSource dataSource, string prefix, int vehicles, DateTimeOffset end)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync("COPY meter_readings (meter_id, ts, kwh_consumed_ac, voltage, vehicle_id) FROM STDIN (FORMAT BINARY)");
        for (var v = 1; v <= vehicles; v++)
        {
            var meterId = BenchArguments.MeterId(prefix, v);
            var vehicleId = BenchArguments.VehicleId(prefix, v);
            for (var m = 0; m < FleetDataset.MinutesPerDay; m++)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(meterId, NpgsqlDbType.Text);
                await importer.WriteAsync(end.AddMinutes(-m).UtcDateTime, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(FleetDataset.Ac(v, m), NpgsqlDbType.Double);
                await importer.WriteAsync(230d, NpgsqlDbType.Double);
                await importer.WriteAsync(vehicleId, NpgsqlDbType.Text);
            }
        }

        await importer.CompleteAsync();
    }

    private static async Task CopyVehiclesAsync(NpgsqlDataSource dataSource, string prefix, int vehicles, DateTimeOffset end)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync("COPY vehicle_readings (vehicle_id, ts, soc, kwh_delivered_dc, battery_temp) FROM STDIN (FORMAT BINARY)");
        for (var v = 1; v <= vehicles; v++)
        {
            var vehicleId = BenchArguments.VehicleId(prefix, v);
            for (var m = 0; m < FleetDataset.MinutesPerDay; m++)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(vehicleId, NpgsqlDbType.Text);
                await importer.WriteAsync(end.AddMinutes(-m).UtcDateTime, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(50d, NpgsqlDbType.Double);
                await importer.WriteAsync(FleetDataset.Dc(v, m), NpgsqlDbType.Double);
                await importer.WriteAsync(FleetDataset.Temperature(v, m), NpgsqlDbType.Double);
            }
        }

        await importer.CompleteAsync();
    }
}
