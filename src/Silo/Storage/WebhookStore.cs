using EnergyActors.Grains.Abstractions.Webhooks;
using EnergyActors.Grains.Webhooks;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>
/// The <c>webhooks</c> table (soft-deleted, so the delivery log keeps its webhook) and the delivery log in
/// <c>webhook_deliveries</c>. The secret is written here and read only by the dispatcher, never returned.
/// </summary>
public sealed class WebhookStore(NpgsqlDataSource dataSource) : IWebhookStore
{
    private const string Columns = "webhook_id, url, kinds, severities, created_at";

    public async Task<Webhook?> Create(string fleetId, string webhookId, WebhookCreate create, DateTimeOffset at, int max)
    {
        ArgumentNullException.ThrowIfNull(create);
        // The count and the insert in one statement (two requests at the same moment could still both take the last place).
        var rows = await ReadAsync(
            $"""
            WITH held AS (SELECT count(*) AS n FROM webhooks WHERE fleet_id = $1 AND deleted_at IS NULL)
            INSERT INTO webhooks (webhook_id, fleet_id, url, secret, kinds, severities, created_at)
            SELECT $2, $1, $3, $4, $5, $6, $7 FROM held WHERE n < $8
            RETURNING {Columns}
            """,
            [fleetId, webhookId, create.Url, create.Secret, create.Kinds.ToArray(), create.Severities.ToArray(), at.UtcDateTime, (long)max]);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<Webhook>> List(string fleetId) =>
        ReadAsync($"SELECT {Columns} FROM webhooks WHERE fleet_id = $1 AND deleted_at IS NULL ORDER BY created_at, webhook_id", [fleetId]);

    public async Task<bool> Delete(string fleetId, string webhookId, DateTimeOffset at)
    {
        try
        {
            await using var command = dataSource.CreateCommand("UPDATE webhooks SET deleted_at = $3 WHERE fleet_id = $1 AND webhook_id = $2 AND deleted_at IS NULL");
            command.Parameters.Add(new NpgsqlParameter { Value = fleetId });
            command.Parameters.Add(new NpgsqlParameter { Value = webhookId });
            command.Parameters.Add(new NpgsqlParameter { Value = at.UtcDateTime });
            return await command.ExecuteNonQueryAsync() == 1;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    public async Task<IReadOnlyList<WebhookDelivery>> Deliveries(string fleetId, string webhookId, int limit)
    {
        try
        {
            await using var command = dataSource.CreateCommand("""
                SELECT d.id, d.alert_id, d.state, d.attempts, d.queued_at, d.delivered_at, d.given_up_at,
                       CASE WHEN d.delivered_at IS NULL AND d.given_up_at IS NULL THEN d.next_attempt_at END,
                       d.last_status, d.last_error, d.latency_ms
                FROM webhook_deliveries d JOIN webhooks w USING (webhook_id)
                WHERE w.fleet_id = $1 AND d.webhook_id = $2
                ORDER BY d.id DESC LIMIT $3
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = fleetId });
            command.Parameters.Add(new NpgsqlParameter { Value = webhookId });
            command.Parameters.Add(new NpgsqlParameter { Value = limit });
            await using var reader = await command.ExecuteReaderAsync();
            var deliveries = new List<WebhookDelivery>();
            while (await reader.ReadAsync())
            {
                deliveries.Add(new WebhookDelivery(
                    reader.GetInt64(0),
                    reader.GetInt64(1),
                    reader.GetString(2),
                    reader.GetInt32(3),
                    PostgresTime.Utc(reader.GetFieldValue<DateTime>(4)),
                    Time(reader, 5),
                    Time(reader, 6),
                    Time(reader, 7),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    reader.IsDBNull(9) ? null : reader.GetString(9),
                    reader.IsDBNull(10) ? null : reader.GetDouble(10)));
            }

            return deliveries;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : PostgresTime.Utc(reader.GetFieldValue<DateTime>(column));

    private async Task<IReadOnlyList<Webhook>> ReadAsync(string sql, object[] values)
    {
        try
        {
            await using var command = dataSource.CreateCommand(sql);
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await using var reader = await command.ExecuteReaderAsync();
            var webhooks = new List<Webhook>();
            while (await reader.ReadAsync())
            {
                webhooks.Add(new Webhook(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetFieldValue<string[]>(2),
                    reader.GetFieldValue<string[]>(3),
                    PostgresTime.Utc(reader.GetFieldValue<DateTime>(4))));
            }

            return webhooks;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }
}
