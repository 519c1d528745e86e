using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Grains.Access;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>The <c>audit_log</c> table.</summary>
public sealed class AuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    private const string AppendSql = "INSERT INTO audit_log (at, key_id, fleet_id, action, target, status) VALUES ($1, $2, $3, $4, $5, $6)";

    private const string ListSql = """
        SELECT id, at, key_id, fleet_id, action, target, status FROM audit_log
        WHERE ($1::text IS NULL OR fleet_id = $1) AND ($2::bigint IS NULL OR id < $2)
        ORDER BY id DESC
        LIMIT $3
        """;

    public async Task Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await using var command = dataSource.CreateCommand(AppendSql);
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = entry.At.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.KeyId });
            command.Parameters.Add(Nullable(entry.FleetId, NpgsqlTypes.NpgsqlDbType.Text));
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Action });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Target });
            command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)entry.Status });
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> List(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            await using var command = dataSource.CreateCommand(ListSql);
            command.Parameters.Add(Nullable(query.FleetId, NpgsqlTypes.NpgsqlDbType.Text));
            command.Parameters.Add(Nullable(query.Before, NpgsqlTypes.NpgsqlDbType.Bigint));
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
            await using var reader = await command.ExecuteReaderAsync();
            var entries = new List<AuditEntry>();
            while (await reader.ReadAsync())
            {
                entries.Add(new AuditEntry(
                    reader.GetInt64(0),
                    PostgresTime.Utc(reader.GetFieldValue<DateTime>(1)),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetInt16(6)));
            }

            return entries;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlTypes.NpgsqlDbType type) =>
        new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };
}
