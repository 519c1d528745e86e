namespace EnergyActors.Silo.History;

/// <summary>How a flushed batch's callers learn its outcome, and what the writer logs and counts about it.</summary>
public sealed partial class HistoryWriter
{
    private void Complete(List<PendingWrite> batch, Dictionary<HistoryTable, TableOutcome> outcomes, ulong transactionId)
    {
        foreach (var write in batch)
        {
            write.Complete(outcomes.GetValueOrDefault(write.Table).Duplicates, transactionId);
        }

        foreach (var table in HistoryTables.All)
        {
            var (rows, refused) = (0, 0);
            foreach (var write in batch)
            {
                if (write.Table == table)
                {
                    rows += write.RowCount;
                    refused += write.RefusedCount;
                }
            }

            if (rows > 0)
            {
                var stored = outcomes.GetValueOrDefault(table).Stored;
                _metrics.Committed(table.Name, stored, rows - stored - refused, refused);
            }
        }
    }

    private void Fail(List<PendingWrite> batch, Exception error, int rows)
    {
        foreach (var write in batch)
        {
            write.Fail(error);
        }

        Interlocked.Add(ref _outstandingRows, -rows);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "History flush of {Rows} rows hit a transient conflict (attempt {Attempt}); retrying")]
    private partial void LogFlushRetry(Exception exception, int rows, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "History flush of {Rows} rows failed; its callers were refused and may retry")]
    private partial void LogFlushFailed(Exception exception, int rows);

    [LoggerMessage(Level = LogLevel.Error, Message = "History flush of {Rows} rows failed with an error that is neither unavailability nor one row's content; its callers get a 500")]
    private partial void LogFlushBroken(Exception exception, int rows);
}
