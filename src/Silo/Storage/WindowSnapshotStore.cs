using EnergyActors.Grains;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>The <c>vehicle_windows</c> table: one row per vehicle, replaced whole on every write.</summary>
public sealed class WindowSnapshotStore(NpgsqlDataSource dataSource) : IWindowSnapshotStore
{
    private const string LoadSql = "SELECT buckets, complete_at, held_until, written_at FROM vehicle_windows WHERE vehicle_id = $1";

    private const string SaveSql = """
        INSERT INTO vehicle_windows (vehicle_id, complete_at, held_until, buckets, written_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (vehicle_id) DO UPDATE SET
            complete_at = excluded.complete_at, held_until = excluded.held_until, buckets = excluded.buckets, written_at = excluded.written_at
        """;

    public async Task<StoredWindow?> Load(string vehicleId, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(LoadSql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = vehicleId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            TransactionSnapshot snapshot;
            try
            {
                snapshot = TransactionSnapshot.Parse(reader.GetString(1));
            }
            catch (FormatException)
            {
                // Unreadable: as if there were none; the vehicle rebuilds from history and writes a good one.
                return null;
            }

            return new StoredWindow(
                reader.GetFieldValue<byte[]>(0),
                new HistoryCatchUp(snapshot, PostgresTime.Utc(reader.GetFieldValue<DateTime>(2))),
                PostgresTime.Utc(reader.GetFieldValue<DateTime>(3)));
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    public async Task Save(string vehicleId, StoredWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        try
        {
            await using var command = dataSource.CreateCommand(SaveSql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = vehicleId });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = window.CatchUp.After.Text });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = window.CatchUp.HeldUntil.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = window.Buckets });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = window.WrittenAt.UtcDateTime });
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }
}
