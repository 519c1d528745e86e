using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>
/// The outcome of one append: per row, whether it was newly stored (false: the key was already there, or the
/// row was refused), the PostgreSQL transaction that committed the batch, and the rows PostgreSQL refused
/// for their content (null: none), which were isolated so that every other row still committed.
/// </summary>
public readonly record struct HistoryCommit(bool[] Stored, ulong TransactionId, IReadOnlyList<RejectedReading>? Rejected = null)
{
    public int RejectedCount => Rejected?.Count ?? 0;

    /// <summary>What the grain call answers: stored rows are accepted, refused rows named, the rest duplicates.</summary>
    public IngestResult ToResult(int accepted) => new(accepted, Stored.Length - accepted - RejectedCount, Rejected);
}
