using EnergyActors.Grains;
using EnergyActors.Grains.Abstractions;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>One grain call's rows waiting for a group commit, and the caller waiting on them.</summary>
internal abstract class PendingWrite
{
    public abstract HistoryTable Table { get; }

    public abstract int RowCount { get; }

    /// <summary>Rows PostgreSQL refused for their content; they are never staged again.</summary>
    public abstract int RefusedCount { get; }

    /// <summary>Whether any row is left to stage once refused rows are taken out.</summary>
    public bool HasRowsToStage => RowCount > RefusedCount;

    /// <summary>
    /// Stages the rows in [<paramref name="from"/>, <paramref name="to"/>) that were not refused and whose key no
    /// earlier row of the batch had (<paramref name="staged"/>), numbering them on from <paramref name="sequence"/>;
    /// returns the next number. <paramref name="direct"/>: the importer copies into the history table itself,
    /// which has no number column (the numbers still say which rows were written).
    /// </summary>
    public abstract int Stage(NpgsqlBinaryImporter importer, HashSet<RowKey> staged, int sequence, int from, int to, bool direct);

    /// <summary>Takes row <paramref name="index"/> out of every later staging: PostgreSQL refused its content.</summary>
    public abstract RejectedReading Refuse(int index, PostgresException error);

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

    // Each row's staging number, or -1 when it was not staged (an earlier row of the batch had its key, or it was refused).
    private int[] _sequences = [];
    private List<RejectedReading>? _refused;
    private bool[]? _isRefused;

    public override HistoryTable Table => table;

    public override int RowCount => rows.Count;

    public override int RefusedCount => _refused?.Count ?? 0;

    public Task<HistoryCommit> Completion => _completion.Task;

    public override int Stage(NpgsqlBinaryImporter importer, HashSet<RowKey> staged, int sequence, int from, int to, bool direct)
    {
        if (_sequences.Length != rows.Count)
        {
            _sequences = new int[rows.Count];
        }

        for (var i = from; i < to; i++)
        {
            if (_isRefused?[i] != true && staged.Add(new RowKey(deviceId, table.TimestampOf(rows[i]).UtcTicks)))
            {
                _sequences[i] = sequence;
                table.WriteRow(importer, direct ? null : sequence, deviceId, rows[i]);
                sequence++;
            }
            else
            {
                _sequences[i] = -1;
            }
        }

        return sequence;
    }

    public override RejectedReading Refuse(int index, PostgresException error)
    {
        _isRefused ??= new bool[rows.Count];
        _isRefused[index] = true;
        var rejected = table.Describe(error, deviceId, index, rows[index]);
        (_refused ??= []).Add(rejected);
        return rejected;
    }

    public override void Complete(HashSet<int>? duplicates, ulong transactionId)
    {
        var stored = new bool[rows.Count];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = _sequences.Length == stored.Length && _isRefused?[i] != true && _sequences[i] >= 0
                && (duplicates is null || !duplicates.Contains(_sequences[i]));
        }

        _completion.TrySetResult(new HistoryCommit(stored, transactionId, _refused));
    }

    public override void Fail(Exception error) => _completion.TrySetException(error);
}
