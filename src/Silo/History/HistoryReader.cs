using System.Data;
using EnergyActors.Grains;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Silo.Storage;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>Activation reads: index probes and range scans on the (device id, ts) keys.</summary>
public sealed class HistoryReader(NpgsqlDataSource dataSource) : IHistoryReader
{
    public async Task<MeterReading?> LatestMeterReading(string meterId, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(
                "SELECT ts, kwh_consumed_ac, voltage, vehicle_id FROM meter_readings WHERE meter_id = $1 ORDER BY ts DESC LIMIT 1");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = meterId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new MeterReading(PostgresTime.Utc(reader.GetFieldValue<DateTime>(0)), reader.GetDouble(1), reader.GetDouble(2), reader.IsDBNull(3) ? null : reader.GetString(3))
                : null;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    public async Task<VehicleHistory> LoadVehicle(string vehicleId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            // Repeatable read: every statement below and the snapshot reported to the grain are the same view.
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            TransactionSnapshot snapshot;
            await using (var current = new NpgsqlCommand("SELECT pg_current_snapshot()::text", connection, transaction))
            {
                snapshot = TransactionSnapshot.Parse((string)(await current.ExecuteScalarAsync(cancellationToken))!);
            }

            VehicleReading? latest = null;
            var own = new List<VehicleReading>();
            await using (var command = Command(connection, transaction, """
                (SELECT ts, soc, kwh_delivered_dc, battery_temp FROM vehicle_readings WHERE vehicle_id = $1 ORDER BY ts DESC LIMIT 1)
                UNION ALL
                (SELECT ts, soc, kwh_delivered_dc, battery_temp FROM vehicle_readings WHERE vehicle_id = $1 AND ts >= $2)
                """, vehicleId, since))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                var first = true;
                while (await reader.ReadAsync(cancellationToken))
                {
                    var reading = new VehicleReading(PostgresTime.Utc(reader.GetFieldValue<DateTime>(0)), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3));
                    if (first)
                    {
                        latest = reading;
                        first = false;
                    }
                    else
                    {
                        own.Add(reading);
                    }
                }
            }

            var ac = new List<AcEnergy>();
            await using (var command = Command(connection, transaction, "SELECT ts, kwh_consumed_ac FROM meter_readings WHERE vehicle_id = $1 AND ts >= $2", vehicleId, since))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    ac.Add(new AcEnergy(PostgresTime.Utc(reader.GetFieldValue<DateTime>(0)), reader.GetDouble(1)));
                }
            }

            var everAttributed = ac.Count > 0;
            if (!everAttributed)
            {
                await using var exists = Command(connection, transaction, "SELECT EXISTS (SELECT 1 FROM meter_readings WHERE vehicle_id = $1)", vehicleId);
                everAttributed = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!;
            }
            await transaction.CommitAsync(cancellationToken);
            return new VehicleHistory(latest, own, ac, everAttributed, snapshot);
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string vehicleId, DateTimeOffset? since = null)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = vehicleId });
        if (since is { } from)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = from.UtcDateTime });
        }

        return command;
    }
}
