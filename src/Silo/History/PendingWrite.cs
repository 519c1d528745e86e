using EnergyActors.Grains;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>One grain call's rows waiting for a group commit, and the caller waiting on them.</summary>
internal abstract class PendingWrite
{
    public abstract HistoryTable Table { get; }

    public abstract int RowCount { get; }

    /// <summary>
    /// Stages this write's rows whose key no earlier row of the batch had (<paramref name="staged"/>), numbering
    /// them on from <paramref name="sequence"/>; returns the next number.
    /// </summary>
    public abstract int Stage(NpgsqlBinaryImporter importer, HashSet<RowKey> staged, int sequence);

    /// <summary>
    /// Answers the caller once the batch committed: a row is new if it was staged (no earlier row of the batch
    /// had its key) and its number is not among <paramref name="duplicates"/> (null: none were).
    /// </summary>
    public abstract void Complete(HashSet<int>? duplicates, ulong transactionId);

    public abstract void Fail(Exception error);
}

internal sealed class PendingWrite<TRow>(HistoryTable<TRow> table, string deviceId, IReadOnlyList<TRow> rows) : PendingWrite
{
    private readonly TaskCompletionSource<HistoryCommit> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Each row's staging number, or -1 when an earlier row of the batch had its key.
    private int[] _sequences = [];

    public override HistoryTable Table => table;

    public override int RowCount => rows.Count;

    public Task<HistoryCommit> Completion => _completion.Task;

    public override int Stage(NpgsqlBinaryImporter importer, HashSet<RowKey> staged, int sequence)
    {
        _sequences = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (staged.Add(new RowKey(deviceId, table.TimestampOf(rows[i]).UtcTicks)))
            {
                _sequences[i] = sequence;
                table.WriteStagingRow(importer, sequence++, deviceId, rows[i]);
            }
            else
            {
                _sequences[i] = -1;
            }
        }

        return sequence;
    }

    public override void Complete(HashSet<int>? duplicates, ulong transactionId)
    {
        var stored = new bool[rows.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = _sequences[i] >= 0 && (duplicates is null || !duplicates.Contains(_sequences[i]));
        }

        _completion.TrySetResult(new HistoryCommit(stored, transactionId));
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
