using EnergyActors.Grains;
using EnergyActors.Grains.Abstractions;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>
/// The <c>fleet_entries</c> table. Entries are upserted in chunks of parallel arrays (one statement per
/// chunk instead of one per vehicle); the reported_at guard keeps a late write of an older report, from a
/// silo that hosted the shard before, from replacing a newer one.
/// </summary>
public sealed class FleetEntryStore(NpgsqlDataSource dataSource) : IFleetEntryStore
{
    private const int ChunkRows = 1_000;

    private const string Columns = "vehicle_id, window_start, window_end, total_ac, total_dc, efficiency_ratio, avg_battery_temp, vehicle_readings, meter_readings, health_status, reported_at";

    private const string LoadSql = $"SELECT {Columns} FROM fleet_entries WHERE fleet_id = $1 AND shard = $2";

    private const string SaveSql = $"""
        INSERT INTO fleet_entries (fleet_id, shard, {Columns})
        SELECT $1, $2, * FROM unnest($3::text[], $4::timestamptz[], $5::timestamptz[], $6::numeric[], $7::numeric[],
                                     $8::numeric[], $9::numeric[], $10::bigint[], $11::bigint[], $12::text[], $13::timestamptz[])
        ON CONFLICT (fleet_id, shard, vehicle_id) DO UPDATE SET
            window_start = excluded.window_start, window_end = excluded.window_end,
            total_ac = excluded.total_ac, total_dc = excluded.total_dc,
            efficiency_ratio = excluded.efficiency_ratio, avg_battery_temp = excluded.avg_battery_temp,
            vehicle_readings = excluded.vehicle_readings, meter_readings = excluded.meter_readings,
            health_status = excluded.health_status, reported_at = excluded.reported_at
        WHERE fleet_entries.reported_at <= excluded.reported_at
        """;

    public async Task<IReadOnlyList<FleetEntry>> Load(string fleetId, int shard, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(LoadSql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fleetId });
            command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)shard });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var entries = new List<FleetEntry>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var performance = new VehiclePerformance(
                    reader.GetString(0),
                    PostgresTime.Utc(reader.GetFieldValue<DateTime>(1)),
                    PostgresTime.Utc(reader.GetFieldValue<DateTime>(2)),
                    reader.GetDecimal(3),
                    reader.GetDecimal(4),
                    reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                    reader.IsDBNull(6) ? null : reader.GetDecimal(6),
                    reader.GetInt64(7),
                    reader.GetInt64(8),
                    Enum.Parse<HealthStatus>(reader.GetString(9)));
                entries.Add(new FleetEntry(performance, PostgresTime.Utc(reader.GetFieldValue<DateTime>(10)), Refreshed: false));
            }

            return entries;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    public async Task Save(string fleetId, int shard, IReadOnlyList<FleetEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        try
        {
            foreach (var chunk in entries.Chunk(ChunkRows))
            {
                await using var command = dataSource.CreateCommand(SaveSql);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fleetId });
                command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)shard });
                Add(command, chunk, e => e.Performance.VehicleId);
                Add(command, chunk, e => e.Performance.Start.UtcDateTime);
                Add(command, chunk, e => e.Performance.End.UtcDateTime);
                Add(command, chunk, e => e.Performance.TotalAcConsumed);
                Add(command, chunk, e => e.Performance.TotalDcDelivered);
                Add(command, chunk, e => e.Performance.EfficiencyRatio);
                Add(command, chunk, e => e.Performance.AvgBatteryTemp);
                Add(command, chunk, e => e.Performance.VehicleReadings);
                Add(command, chunk, e => e.Performance.MeterReadings);
                Add(command, chunk, e => e.Performance.HealthStatus.ToString());
                Add(command, chunk, e => e.ReportedAt.UtcDateTime);
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    private static void Add<T>(NpgsqlCommand command, FleetEntry[] chunk, Func<FleetEntry, T> column) =>
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = Array.ConvertAll(chunk, e => column(e)) });
}
