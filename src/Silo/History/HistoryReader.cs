using EnergyActors.Grains;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Silo.Storage;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>Activation reads: index probes and range scans on the (device id, ts) keys, one statement per grain.</summary>
public sealed class HistoryReader(NpgsqlDataSource dataSource) : IHistoryReader
{
    public async Task<MeterHistory> LoadMeter(string meterId, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(MeterLoadSql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = meterId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            MeterReading? latest = null;
            string? fleet = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetInt32(0) == 0)
                {
                    fleet = reader.GetString(5);
                }
                else
                {
                    latest = new MeterReading(
                        PostgresTime.Utc(reader.GetFieldValue<DateTime>(1)), reader.GetDouble(2), reader.GetDouble(3), reader.IsDBNull(4) ? null : reader.GetString(4));
                }
            }

            return new MeterHistory(latest, fleet);
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    public async Task<VehicleHistory> LoadVehicle(string vehicleId, DateTimeOffset since, CancellationToken cancellationToken, HistoryCatchUp? catchUp = null)
    {
        try
        {
            await using var command = dataSource.CreateCommand(catchUp is null ? VehicleRebuildSql : VehicleCatchUpSql);
            AddVehicleRebuildParameters(command, vehicleId, since);
            if (catchUp is not null)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = catchUp.After.Text });
                command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = catchUp.HeldUntil.UtcDateTime });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var snapshot = TransactionSnapshot.None;
            VehicleReading? latest = null;
            var own = new List<VehicleReading>();
            var ac = new List<MeterEnergy>();
            var everAttributed = false;
            var activeAlerts = new List<string>();
            string? fleet = null;
            while (await reader.ReadAsync(cancellationToken))
            {
                switch (reader.GetInt32(0))
                {
                    case 0:
                        snapshot = TransactionSnapshot.Parse(reader.GetString(5));
                        break;
                    case 1:
                        latest = VehicleRow(reader);
                        break;
                    case 2:
                        own.Add(VehicleRow(reader));
                        break;
                    case 3:
                        ac.Add(new MeterEnergy(PostgresTime.Utc(reader.GetFieldValue<DateTime>(1)), reader.GetDouble(2)));
                        break;
                    case 4:
                        everAttributed = true;
                        break;
                    case 6:
                        fleet = reader.GetString(5);
                        break;
                    default:
                        activeAlerts.Add(reader.GetString(5));
                        break;
                }
            }

            return new VehicleHistory(latest, own, ac, everAttributed, activeAlerts, snapshot, fleet);
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    // One statement: every part of it, pg_current_snapshot() included, sees the statement's one snapshot,
    // and it costs one round trip. After a restart every vehicle's first call waits on this, thousands in
    // the first seconds; a repeatable-read transaction of five statements and a separate alert query cost
    // the silo several times the CPU and the caller several round trips of latency.
    internal const string VehicleRebuildSql = """
        SELECT 0, NULL::timestamptz, NULL::float8, NULL::float8, NULL::float8, pg_current_snapshot()::text
        UNION ALL
        (SELECT 1, ts, soc, kwh_delivered_dc, battery_temp, NULL FROM vehicle_readings WHERE vehicle_id = $1 ORDER BY ts DESC LIMIT 1)
        UNION ALL
        SELECT 2, ts, soc, kwh_delivered_dc, battery_temp, NULL FROM vehicle_readings WHERE vehicle_id = $1 AND ts >= $2
        UNION ALL
        SELECT 3, ts, kwh_consumed_ac, NULL, NULL, NULL FROM meter_readings WHERE vehicle_id = $1 AND ts >= $2
        UNION ALL
        SELECT 4, NULL, NULL, NULL, NULL, NULL WHERE EXISTS (SELECT 1 FROM meter_readings WHERE vehicle_id = $1)
        UNION ALL
        SELECT 5, NULL, NULL, NULL, NULL, kind FROM alerts WHERE device_id = $1 AND cleared_at IS NULL
        UNION ALL
        SELECT 6, NULL, NULL, NULL, NULL, fleet_id FROM device_owners WHERE kind = 'vehicle' AND device_id = $1
        """;

    // The rebuild with the window's rows narrowed to those a stored window lacks. xmin is a 32-bit xid; it is widened
    // to the xid8 pg_visible_in_snapshot wants against the statement's own horizon, which is exact while the row's
    // transaction is fewer than 2^32 transactions old (a window's rows are at most a day old; stale snapshots are refused).
    // Rows are inserted by top-level transactions (no savepoints), so xmin is the id the snapshot lists.
    internal const string VehicleCatchUpSql = """
        WITH horizon AS (SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS top)
        SELECT 0, NULL::timestamptz, NULL::float8, NULL::float8, NULL::float8, pg_current_snapshot()::text
        UNION ALL
        (SELECT 1, ts, soc, kwh_delivered_dc, battery_temp, NULL FROM vehicle_readings WHERE vehicle_id = $1 ORDER BY ts DESC LIMIT 1)
        UNION ALL
        SELECT 2, r.ts, r.soc, r.kwh_delivered_dc, r.battery_temp, NULL FROM vehicle_readings r, horizon h
        WHERE r.vehicle_id = $1 AND r.ts >= $2
          AND (r.ts >= $4 OR NOT pg_visible_in_snapshot(GREATEST(h.top - ((h.top - r.xmin::text::bigint) & 4294967295), 0)::text::xid8, $3::pg_snapshot))
        UNION ALL
        SELECT 3, m.ts, m.kwh_consumed_ac, NULL, NULL, NULL FROM meter_readings m, horizon h
        WHERE m.vehicle_id = $1 AND m.ts >= $2
          AND (m.ts >= $4 OR NOT pg_visible_in_snapshot(GREATEST(h.top - ((h.top - m.xmin::text::bigint) & 4294967295), 0)::text::xid8, $3::pg_snapshot))
        UNION ALL
        SELECT 4, NULL, NULL, NULL, NULL, NULL WHERE EXISTS (SELECT 1 FROM meter_readings WHERE vehicle_id = $1)
        UNION ALL
        SELECT 5, NULL, NULL, NULL, NULL, kind FROM alerts WHERE device_id = $1 AND cleared_at IS NULL
        UNION ALL
        SELECT 6, NULL, NULL, NULL, NULL, fleet_id FROM device_owners WHERE kind = 'vehicle' AND device_id = $1
        """;

    private const string MeterLoadSql = """
        SELECT 0, NULL::timestamptz, NULL::float8, NULL::float8, NULL::text, fleet_id FROM device_owners WHERE kind = 'meter' AND device_id = $1
        UNION ALL
        (SELECT 1, ts, kwh_consumed_ac, voltage, vehicle_id, NULL FROM meter_readings WHERE meter_id = $1 ORDER BY ts DESC LIMIT 1)
        """;

    internal static void AddVehicleRebuildParameters(NpgsqlCommand command, string vehicleId, DateTimeOffset since)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = vehicleId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = since.UtcDateTime });
    }

    private static VehicleReading VehicleRow(NpgsqlDataReader reader) =>
        new(PostgresTime.Utc(reader.GetFieldValue<DateTime>(1)), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4));
}
