using System.Globalization;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>
/// One group commit's transaction. A table the <see cref="DirectCopyPolicy"/> allows is COPYed straight into
/// history; when that COPY hits a key already stored (a unique violation), only that table's COPY is undone and
/// its rows take the staging path (staged COPY, INSERT … ON CONFLICT DO NOTHING, duplicates asked by number), so
/// the callers learn the same Stored[] either way. The undo is a savepoint when an earlier table of the batch
/// must survive it, else a rollback of the whole (still empty) transaction, which saves the savepoint's round trip.
/// </summary>
internal sealed class HistoryBatchTransaction : IAsyncDisposable
{
    private const string Savepoint = "history_direct";

    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction _transaction;

    // Something in the transaction must survive undoing the next table's direct COPY.
    private bool _wrote;

    // A direct COPY's savepoint is still open. Staging inserts run only at the top level: their duplicate lookup
    // tells this transaction's rows by xmin, which inside a subtransaction would be the subtransaction's id.
    private bool _inSavepoint;
    private ulong? _transactionId;

    private HistoryBatchTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    /// <summary>Writes every table's rows of <paramref name="batch"/> and commits; their outcomes and the transaction's id.</summary>
    public static async Task<(Dictionary<HistoryTable, TableOutcome> Outcomes, ulong TransactionId)> WriteAsync(
        NpgsqlConnection connection, List<PendingWrite> batch, DirectCopyPolicy policy, HistoryMetrics? metrics)
    {
        var outcomes = new Dictionary<HistoryTable, TableOutcome>();
        await using var write = new HistoryBatchTransaction(connection, await connection.BeginTransactionAsync());
        foreach (var table in HistoryTables.All)
        {
            if (!batch.Exists(w => w.Table == table && w.HasRowsToStage))
            {
                continue;
            }

            TableOutcome? direct = null;
            if (policy.ShouldTry(table))
            {
                direct = await write.TryCopyDirectAsync(table, batch);
                if (direct is null)
                {
                    policy.Conflicted(table);
                }

                metrics?.DirectCopy(table.Name, direct is not null);
            }

            outcomes[table] = direct ?? await write.StageAndInsertAsync(table, batch);
        }

        return (outcomes, await write.CommitAsync());
    }

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();

    /// <summary>The table's rows COPYed into history, all of them new; null when a key was already stored (nothing of the table kept).</summary>
    private async Task<TableOutcome?> TryCopyDirectAsync(HistoryTable table, List<PendingWrite> batch)
    {
        var undoBySavepoint = _wrote;
        if (undoBySavepoint && _transactionId is null)
        {
            // The id rides along with the savepoint, which saves the round trip CommitAsync would spend on it.
            _transactionId = await ReadTransactionIdAsync($"SELECT pg_current_xact_id()::text; SAVEPOINT {Savepoint}");
            _inSavepoint = true;
        }
        else if (undoBySavepoint)
        {
            await ExecuteAsync(_inSavepoint ? $"RELEASE SAVEPOINT {Savepoint}; SAVEPOINT {Savepoint}" : $"SAVEPOINT {Savepoint}");
            _inSavepoint = true;
        }

        try
        {
            var copied = await HistoryBatchCommit.CopyAsync(_connection, table, table.DirectCopySql!, HistoryBatchCommit.WholeWrites(batch), direct: true);
            _wrote = true;
            return new TableOutcome(copied, null);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            if (undoBySavepoint)
            {
                await ExecuteAsync($"ROLLBACK TO SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint}");
                _inSavepoint = false;
            }
            else
            {
                await _transaction.RollbackAsync();
                await _transaction.DisposeAsync();
                _transaction = await _connection.BeginTransactionAsync();
            }

            return null;
        }
    }

    private async Task<TableOutcome> StageAndInsertAsync(HistoryTable table, List<PendingWrite> batch)
    {
        if (_inSavepoint)
        {
            await ExecuteAsync($"RELEASE SAVEPOINT {Savepoint}");
            _inSavepoint = false;
        }

        var staged = await HistoryBatchCommit.CopyAsync(_connection, table, table.CopySql, HistoryBatchCommit.WholeWrites(batch), direct: false);
        _wrote = true;
        long stored;
        await using (var insert = new NpgsqlCommand(table.InsertSql, _connection, _transaction))
        await using (var reader = await insert.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            stored = reader.GetInt64(0);
            _transactionId = ParseTransactionId(reader.GetString(1));
        }

        HashSet<int>? duplicates = null;
        if (stored < staged)
        {
            duplicates = [];
            await using var find = new NpgsqlCommand(table.DuplicatesSql, _connection, _transaction);
            await using var reader = await find.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                duplicates.Add(reader.GetInt32(0));
            }
        }

        return new TableOutcome((int)stored, duplicates);
    }

    private async Task<ulong> CommitAsync()
    {
        if (_wrote && _transactionId is null)
        {
            // Readers that rebuild state from a snapshot use it to tell whether they already saw this commit. Inside
            // a savepoint it is still the top-level id, the one snapshots list.
            _transactionId = await ReadTransactionIdAsync("SELECT pg_current_xact_id()::text");
        }

        await _transaction.CommitAsync();
        return _transactionId ?? 0;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<ulong> ReadTransactionIdAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction);
        return ParseTransactionId((string)(await command.ExecuteScalarAsync())!);
    }

    private static ulong ParseTransactionId(string text) => ulong.Parse(text, CultureInfo.InvariantCulture);
}
