using EnergyActors.Silo.Storage;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>
/// One group commit (its transaction is <see cref="HistoryBatchTransaction"/>), with poison isolation. A row whose content PostgreSQL refuses (a data, constraint or
/// limit error) would fail every other row sharing its transaction, and retrying would fail them again. Such rows
/// are found by bisection in probe transactions that are always rolled back, taken out of the batch, and the rest
/// commits in one transaction: innocent callers never see another caller's poison, and never a 503 for it.
/// </summary>
internal sealed partial class HistoryBatchCommit(ILogger logger, DirectCopyPolicy policy, HistoryMetrics? metrics = null)
{
    // A batch whose failure no single row explains (rows that fail only together) is not retried forever.
    private const int MaxIsolationRounds = 3;

    public async Task<(Dictionary<HistoryTable, TableOutcome> Outcomes, ulong TransactionId)> CommitAsync(NpgsqlConnection connection, List<PendingWrite> batch)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                return await HistoryBatchTransaction.WriteAsync(connection, batch, policy, metrics);
            }
            catch (PostgresException ex) when (StorageFailure.IsRowData(ex) && round <= MaxIsolationRounds)
            {
                var ranges = WholeWrites(batch.Where(w => w.HasRowsToStage)).ToList();
                LogIsolating(ex.SqlState, ranges.Sum(r => r.Count), round);
                if (await IsolateAsync(connection, ranges, ex) == 0)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>
    /// Finds the refused rows among <paramref name="ranges"/> (which fail with <paramref name="knownError"/>, or are
    /// probed when it is null) and takes them out of their writes; returns how many it found.
    /// </summary>
    private async Task<int> IsolateAsync(NpgsqlConnection connection, List<RowRange> ranges, PostgresException? knownError)
    {
        var rows = ranges.Sum(r => r.Count);
        var error = rows == 0 ? null : knownError ?? await ProbeAsync(connection, ranges);
        if (error is null)
        {
            return 0;
        }

        if (rows == 1)
        {
            var range = ranges.Single(r => r.Count == 1);
            var refused = range.Write.Refuse(range.From, error);
            LogRefused(error, refused.DeviceType, refused.DeviceId, refused.Index, refused.Field, error.SqlState);
            return 1;
        }

        var (left, right) = Halve(ranges, rows / 2);
        return await IsolateAsync(connection, left, null) + await IsolateAsync(connection, right, null);
    }

    /// <summary>Stages and inserts <paramref name="ranges"/> in a transaction that is always rolled back; the row error it hit, if any.</summary>
    private static async Task<PostgresException?> ProbeAsync(NpgsqlConnection connection, List<RowRange> ranges)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        try
        {
            foreach (var table in HistoryTables.All)
            {
                if (!ranges.Exists(r => r.Write.Table == table))
                {
                    continue;
                }

                await CopyAsync(connection, table, table.CopySql, ranges, direct: false);
                await using var insert = new NpgsqlCommand(table.InsertSql, connection, transaction);
                await insert.ExecuteScalarAsync();
            }

            await transaction.RollbackAsync();
            return null;
        }
        catch (PostgresException ex) when (StorageFailure.IsRowData(ex))
        {
            return ex;
        }
    }

    /// <summary>Every row of each write.</summary>
    internal static IEnumerable<RowRange> WholeWrites(IEnumerable<PendingWrite> writes) => writes.Select(w => new RowRange(w, 0, w.RowCount));

    /// <summary>
    /// Copies the rows of <paramref name="ranges"/> that belong to <paramref name="table"/> with <paramref name="copySql"/>
    /// (into its staging table, or <paramref name="direct"/>ly into history), skipping refused rows and keys an earlier
    /// row already copied; returns how many it copied.
    /// </summary>
    internal static async Task<int> CopyAsync(NpgsqlConnection connection, HistoryTable table, string copySql, IEnumerable<RowRange> ranges, bool direct)
    {
        var copied = 0;
        await using var importer = await connection.BeginBinaryImportAsync(copySql);
        var keys = new HashSet<RowKey>();
        foreach (var range in ranges)
        {
            if (range.Write.Table == table)
            {
                copied = range.Write.Stage(importer, keys, copied, range.From, range.To, direct);
            }
        }

        await importer.CompleteAsync();
        return copied;
    }

    private static (List<RowRange> Left, List<RowRange> Right) Halve(List<RowRange> ranges, int leftRows)
    {
        var left = new List<RowRange>();
        var right = new List<RowRange>();
        foreach (var range in ranges)
        {
            if (leftRows >= range.Count)
            {
                left.Add(range);
                leftRows -= range.Count;
            }
            else if (leftRows > 0)
            {
                left.Add(range with { To = range.From + leftRows });
                right.Add(range with { From = range.From + leftRows });
                leftRows = 0;
            }
            else
            {
                right.Add(range);
            }
        }

        return (left, right);
    }

    /// <summary>Rows [From, To) of one write.</summary>
    internal readonly record struct RowRange(PendingWrite Write, int From, int To)
    {
        public int Count => To - From;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "History batch of {Rows} rows hit a row PostgreSQL refuses ({SqlState}); isolating it (round {Round})")]
    private partial void LogIsolating(string sqlState, int rows, int round);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History refused {DeviceType} {DeviceId} reading {Index} ('{Field}', SQLSTATE {SqlState}); its sender gets a 400, the rest of the batch commits")]
    private partial void LogRefused(Exception exception, string deviceType, string deviceId, int index, string field, string sqlState);
}
