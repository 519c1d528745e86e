using EnergyActors.Grains;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>One grain call's rows waiting for a group commit, and the caller waiting on them.</summary>
internal abstract class PendingWrite
{
    public abstract HistoryTable Table { get; }

    public abstract int RowCount { get; }

    /// <summary>Stages this write's rows whose key no earlier row of the batch had (<paramref name="staged"/>).</summary>
    public abstract void Stage(NpgsqlBinaryImporter importer, HashSet<RowKey> staged);

    /// <summary>Answers the caller once the batch committed: a row is new if its key is in <paramref name="inserted"/>
    /// and no earlier row of this batch claimed it.</summary>
    public abstract void Complete(HashSet<RowKey> inserted, ulong transactionId);

    public abstract void Fail(Exception error);
}

internal sealed class PendingWrite<TRow>(HistoryTable<TRow> table, string deviceId, IReadOnlyList<TRow> rows) : PendingWrite
{
    private readonly TaskCompletionSource<HistoryCommit> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override HistoryTable Table => table;

    public override int RowCount => rows.Count;

    public Task<HistoryCommit> Completion => _completion.Task;

    public override void Stage(NpgsqlBinaryImporter importer, HashSet<RowKey> staged)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (staged.Add(new RowKey(deviceId, table.TimestampOf(rows[i]).UtcTicks)))
            {
                table.WriteStagingRow(importer, deviceId, rows[i]);
            }
        }
    }

    public override void Complete(HashSet<RowKey> inserted, ulong transactionId)
    {
        var stored = new bool[rows.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = inserted.Remove(new RowKey(deviceId, table.TimestampOf(rows[i]).UtcTicks));
        }

        _completion.TrySetResult(new HistoryCommit(stored, transactionId));
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
