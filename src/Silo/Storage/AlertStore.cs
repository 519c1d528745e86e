using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Alerts;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>The <c>alerts</c> table, each alert in its device's fleet. The partial unique index makes raise idempotent; clear only touches an active alert.</summary>
public sealed class AlertStore(NpgsqlDataSource dataSource) : IAlertStore
{
    public Task Raise(string fleetId, string deviceId, string kind, string message, DateTimeOffset at) =>
        ExecuteAsync(
            "INSERT INTO alerts (fleet_id, device_id, kind, message, raised_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (device_id, kind) WHERE cleared_at IS NULL DO NOTHING",
            fleetId,
            deviceId,
            kind,
            message,
            at.UtcDateTime);

    public Task Clear(string deviceId, string kind, DateTimeOffset at) =>
        ExecuteAsync("UPDATE alerts SET cleared_at = $3 WHERE device_id = $1 AND kind = $2 AND cleared_at IS NULL", deviceId, kind, at.UtcDateTime);

    public async Task<IReadOnlyList<Alert>> List(string fleetId, AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            await using var command = dataSource.CreateCommand("""
                SELECT id, device_id, kind, message, raised_at, cleared_at FROM alerts
                WHERE fleet_id = $1
                  AND ($2::text IS NULL OR device_id = $2)
                  AND ($3::boolean IS NULL OR (cleared_at IS NULL) = $3)
                ORDER BY id DESC
                LIMIT $4
                """);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fleetId });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.DeviceId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Active ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Boolean });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
            await using var reader = await command.ExecuteReaderAsync();
            var alerts = new List<Alert>();
            while (await reader.ReadAsync())
            {
                alerts.Add(new Alert(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetString(3),
                    PostgresTime.Utc(reader.GetFieldValue<DateTime>(4)),
                    reader.IsDBNull(5) ? null : PostgresTime.Utc(reader.GetFieldValue<DateTime>(5))));
            }

            return alerts;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    private async Task ExecuteAsync(string sql, params object[] values)
    {
        try
        {
            await using var command = dataSource.CreateCommand(sql);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }
}
