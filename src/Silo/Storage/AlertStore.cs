using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace EnergyActors.Silo.Storage;

/// <summary>
/// The <c>alerts</c> table, each alert in its device's fleet. The partial unique index makes raise idempotent; clear
/// only touches an active alert, acknowledge only an unacknowledged one. Each statement queues the change for every
/// webhook of the fleet that asked for its kind and severity (<c>webhook_deliveries</c>, unique per webhook, alert and
/// change) in the same statement, so a change that happened is always queued, and only once.
/// </summary>
public sealed class AlertStore(NpgsqlDataSource dataSource, AlertMetrics metrics) : IAlertStore
{
    private const string Columns = "id, device_id, kind, message, raised_at, cleared_at, severity, acknowledged_at, acknowledged_by, ack_note";

    // Follows a CTE named "changed" that returns the changed alert rows. The body is the alert as it is after the change.
    private const string QueueDeliveries = """
        INSERT INTO webhook_deliveries (webhook_id, alert_id, state, body, queued_at, next_attempt_at)
        SELECT w.webhook_id, c.id, $change, json_build_object(
                'event', 'alert.' || $change, 'alertId', c.id, 'fleetId', c.fleet_id, 'deviceId', c.device_id, 'kind', c.kind,
                'severity', c.severity, 'state', $change, 'message', c.message,
                'raisedAt', to_char(c.raised_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'clearedAt', to_char(c.cleared_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'acknowledgedAt', to_char(c.acknowledged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'acknowledgedBy', c.acknowledged_by, 'note', c.ack_note)::text,
               now(), now()
        FROM changed c
        JOIN webhooks w ON w.fleet_id = c.fleet_id AND w.deleted_at IS NULL
         AND (cardinality(w.kinds) = 0 OR c.kind = ANY (w.kinds))
         AND (cardinality(w.severities) = 0 OR c.severity = ANY (w.severities))
        ON CONFLICT (webhook_id, alert_id, state) DO NOTHING
        """;

    public async Task Raise(string fleetId, string deviceId, string kind, string severity, string message, DateTimeOffset at) =>
        metrics.Changed(kind, "raised", await CountChangedAsync(
            """
            WITH changed AS (
                INSERT INTO alerts (fleet_id, device_id, kind, severity, message, raised_at) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (device_id, kind) WHERE cleared_at IS NULL DO NOTHING
                RETURNING *),
            queued AS (
            """ + QueueDeliveries.Replace("$change", "'raised'", StringComparison.Ordinal) + ") " + CountChanged,
            fleetId,
            deviceId,
            kind,
            severity,
            message,
            at.UtcDateTime));

    public async Task Clear(string deviceId, string kind, DateTimeOffset at) =>
        metrics.Changed(kind, "cleared", await CountChangedAsync(
            """
            WITH changed AS (
                UPDATE alerts SET cleared_at = $3 WHERE device_id = $1 AND kind = $2 AND cleared_at IS NULL
                RETURNING *),
            queued AS (
            """ + QueueDeliveries.Replace("$change", "'cleared'", StringComparison.Ordinal) + ") " + CountChanged,
            deviceId,
            kind,
            at.UtcDateTime));

    public async Task<Alert?> Acknowledge(string fleetId, AlertAck ack, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(ack);
        // The statement's reads see the table as it was before it, so the second SELECT returns the alert unchanged
        // exactly when this statement did not acknowledge it (someone had, or it is not the fleet's).
        var sql = $"""
            WITH changed AS (
                UPDATE alerts SET acknowledged_at = $3, acknowledged_by = $4, ack_note = $5
                WHERE id = $2 AND fleet_id = $1 AND acknowledged_at IS NULL
                RETURNING *),
            queued AS ({QueueDeliveries.Replace("$change", "'acknowledged'", StringComparison.Ordinal)})
            SELECT {Columns} FROM changed
            UNION ALL
            SELECT {Columns} FROM alerts WHERE id = $2 AND fleet_id = $1 AND NOT EXISTS (SELECT 1 FROM changed)
            """;
        var alerts = await ReadAsync(sql, [fleetId, ack.AlertId, at.UtcDateTime, ack.By, (object?)ack.Note ?? DBNull.Value]);
        if (alerts.Count == 0)
        {
            return null;
        }

        // Ours when it carries this very acknowledgement (PostgreSQL keeps microseconds); a second one answers the first unchanged.
        if (alerts[0].AcknowledgedAt?.UtcTicks / 10 == at.UtcTicks / 10 && alerts[0].AcknowledgedBy == ack.By)
        {
            metrics.Changed(alerts[0].Kind, "acknowledged", 1);
        }

        return alerts[0];
    }

    public Task<IReadOnlyList<Alert>> List(string fleetId, AlertQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync(
            $"""
            SELECT {Columns} FROM alerts
            WHERE fleet_id = $1
              AND ($2::text IS NULL OR device_id = $2)
              AND ($3::boolean IS NULL OR (cleared_at IS NULL) = $3)
              AND ($5::text IS NULL
                   OR ($5 = 'cleared' AND cleared_at IS NOT NULL)
                   OR ($5 = 'acknowledged' AND cleared_at IS NULL AND acknowledged_at IS NOT NULL)
                   OR ($5 = 'active' AND cleared_at IS NULL AND acknowledged_at IS NULL))
              AND ($6::text IS NULL OR severity = $6)
            ORDER BY id DESC
            LIMIT $4
            """,
            [fleetId, Text(query.DeviceId), query.Active is { } active ? active : Null(NpgsqlDbType.Boolean), query.Limit, Text(query.State), Text(query.Severity)]);
    }

    private static NpgsqlParameter Text(string? value) => value is null ? Null(NpgsqlDbType.Text) : new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Null(NpgsqlDbType type) => new() { Value = DBNull.Value, NpgsqlDbType = type };

    private async Task<IReadOnlyList<Alert>> ReadAsync(string sql, object[] values)
    {
        try
        {
            await using var command = Command(sql, values);
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
                    reader.IsDBNull(5) ? null : PostgresTime.Utc(reader.GetFieldValue<DateTime>(5)),
                    reader.GetString(6),
                    reader.IsDBNull(7) ? null : PostgresTime.Utc(reader.GetFieldValue<DateTime>(7)),
                    reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9)));
            }

            return alerts;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    private const string CountChanged = "SELECT count(*) FROM changed";

    private async Task<long> CountChangedAsync(string sql, params object[] values)
    {
        try
        {
            await using var command = Command(sql, values);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    private NpgsqlCommand Command(string sql, object[] values)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
