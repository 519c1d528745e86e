using System.Globalization;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>
/// One group commit's transaction. A table the <see cref="DirectCopyPolicy"/> allows is COPYed straight into
/// history; when that COPY hits a key already stored (a unique violation), its rows take the staging path instead
/// (staged COPY, INSERT … ON CONFLICT DO NOTHING, duplicates asked by number), so the callers learn the same Stored[]
/// either way. The undo is a rollback of the whole transaction, and the batch is written again with that table
/// staged, never a savepoint: rows written inside a savepoint carry the subtransaction's id as xmin, which no
/// PostgreSQL snapshot lists as in progress, and a vehicle restoring its stored window tells the rows it has not seen
/// by testing their xmin against such a snapshot.
/// </summary>
internal sealed class HistoryBatchTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private NpgsqlTransaction _transaction;
    private bool _wrote;
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
        // Tables whose direct COPY met a stored key in this batch; each is added once, so there are at most as many
        // rewrites as tables.
        var staged = new HashSet<HistoryTable>();
        await using var write = new HistoryBatchTransaction(connection, await connection.BeginTransactionAsync());
        while (true)
        {
            var outcomes = await write.WriteTablesAsync(batch, policy, staged, metrics);
            if (outcomes is not null)
            {
                return (outcomes, await write.CommitAsync());
            }

            await write.RestartAsync();
        }
    }

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();

    /// <summary>Every table's outcome, or null when a direct COPY conflicted after an earlier table wrote (the batch is written again).</summary>
    private async Task<Dictionary<HistoryTable, TableOutcome>?> WriteTablesAsync(
        List<PendingWrite> batch, DirectCopyPolicy policy, HashSet<HistoryTable> staged, HistoryMetrics? metrics)
    {
        var outcomes = new Dictionary<HistoryTable, TableOutcome>();
        foreach (var table in HistoryTables.All)
        {
            if (!batch.Exists(w => w.Table == table && w.HasRowsToStage))
            {
                continue;
            }

            if (!staged.Contains(table) && policy.ShouldTry(table))
            {
                var direct = await TryCopyDirectAsync(table, batch);
                metrics?.DirectCopy(table.Name, direct is not null);
                if (direct is not null)
                {
                    outcomes[table] = direct.Value;
                    continue;
                }

                policy.Conflicted(table);
                staged.Add(table);
                if (_wrote)
                {
                    return null;
                }

                // Nothing else was written: a fresh transaction is enough, and this table goes on staged.
                await RestartAsync();
            }

            outcomes[table] = await StageAndInsertAsync(table, batch);
        }

        return outcomes;
    }

    /// <summary>The table's rows COPYed into history, all of them new; null when a key was already stored.</summary>
    private async Task<TableOutcome?> TryCopyDirectAsync(HistoryTable table, List<PendingWrite> batch)
    {
        try
        {
            var copied = await HistoryBatchCommit.CopyAsync(_connection, table, table.DirectCopySql!, HistoryBatchCommit.WholeWrites(batch), direct: true);
            _wrote = true;
            return new TableOutcome(copied, null);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return null;
        }
    }

    private async Task RestartAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        _transaction = await _connection.BeginTransactionAsync();
        _wrote = false;
        _transactionId = null;
    }

    private async Task<TableOutcome> StageAndInsertAsync(HistoryTable table, List<PendingWrite> batch)
    {
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
            // Readers that rebuild state from a snapshot use it to tell whether they already saw this commit.
            _transactionId = await ReadTransactionIdAsync("SELECT pg_current_xact_id()::text");
        }

        await _transaction.CommitAsync();
        return _transactionId ?? 0;
    }

    private async Task<ulong> ReadTransactionIdAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection, _transaction);
        return ParseTransactionId((string)(await command.ExecuteScalarAsync())!);
    }

    private static ulong ParseTransactionId(string text) => ulong.Parse(text, CultureInfo.InvariantCulture);
}
