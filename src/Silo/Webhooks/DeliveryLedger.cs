using EnergyActors.Silo.Storage;
using Npgsql;

namespace EnergyActors.Silo.Webhooks;

/// <summary>A delivery claimed for sending: what to send where, and with which secret to sign it.</summary>
public sealed record DueDelivery(long Id, string WebhookId, string State, string Body, int Attempts, DateTimeOffset QueuedAt, string Url, string Secret, bool WebhookDeleted);

/// <summary>
/// The queue in <c>webhook_deliveries</c>: due rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> and leased (made due
/// again later), so silos never send the same row at once and one that dies mid-send leaves it to be sent again.
/// </summary>
public sealed class DeliveryLedger(NpgsqlDataSource dataSource)
{
    /// <summary>Claims up to <paramref name="count"/> due deliveries, except to <paramref name="skipWebhooks"/> (whose slots are all busy).</summary>
    public async Task<IReadOnlyList<DueDelivery>> ClaimAsync(int count, TimeSpan lease, string[] skipWebhooks, CancellationToken cancellation)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => $2)
            FROM webhooks w
            WHERE w.webhook_id = d.webhook_id
              AND d.id IN (SELECT id FROM webhook_deliveries
                           WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= now()
                             AND webhook_id <> ALL ($3)
                           ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
            RETURNING d.id, d.webhook_id, d.state, d.body, d.attempts, d.queued_at, w.url, w.secret, w.deleted_at IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        command.Parameters.Add(new NpgsqlParameter { Value = lease.TotalSeconds });
        command.Parameters.Add(new NpgsqlParameter { Value = skipWebhooks, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var due = new List<DueDelivery>();
        while (await reader.ReadAsync(cancellation))
        {
            due.Add(new DueDelivery(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                PostgresTime.Utc(reader.GetFieldValue<DateTime>(5)), reader.GetString(6), reader.GetString(7), reader.GetBoolean(8)));
        }

        return due;
    }

    /// <summary>Ends the lease of claimed deliveries this silo had no slot for, so they are due again at once.</summary>
    public async Task ReturnAsync(long[] ids, CancellationToken cancellation)
    {
        await using var command = dataSource.CreateCommand("UPDATE webhook_deliveries SET next_attempt_at = now() WHERE id = ANY ($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        await command.ExecuteNonQueryAsync(cancellation);
    }

    /// <returns>Seconds from queued to delivered, as PostgreSQL's clock has them.</returns>
    public async Task<double> DeliveredAsync(long id, int status, double latencyMs)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE webhook_deliveries SET delivered_at = now(), attempts = attempts + 1, last_status = $2, last_error = NULL, latency_ms = $3
            WHERE id = $1
            RETURNING extract(epoch FROM delivered_at - queued_at)::double precision
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = status });
        command.Parameters.Add(new NpgsqlParameter { Value = latencyMs });
        return (double)(await command.ExecuteScalarAsync() ?? 0d);
    }

    /// <returns>Whether the delivery was given up (too many attempts, or its webhook was deleted).</returns>
    public async Task<bool> FailedAsync(long id, int? status, string error, TimeSpan retryAfter, int maxAttempts, bool giveUp)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = $2, last_error = $3,
                next_attempt_at = now() + make_interval(secs => $4),
                given_up_at = CASE WHEN $6 OR attempts + 1 >= $5 THEN now() END
            WHERE id = $1
            RETURNING given_up_at IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)status ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = error.Length > 500 ? error[..500] : error });
        command.Parameters.Add(new NpgsqlParameter { Value = retryAfter.TotalSeconds });
        command.Parameters.Add(new NpgsqlParameter { Value = maxAttempts });
        command.Parameters.Add(new NpgsqlParameter { Value = giveUp });
        return (bool)(await command.ExecuteScalarAsync() ?? false);
    }
}
