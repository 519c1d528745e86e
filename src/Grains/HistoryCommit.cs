namespace EnergyActors.Grains;

/// <summary>
/// The outcome of one append: per row, whether it was newly stored (false: the key was already there),
/// and the PostgreSQL transaction that committed the batch.
/// </summary>
public readonly record struct HistoryCommit(bool[] Stored, ulong TransactionId);
