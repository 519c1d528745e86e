namespace EnergyActors.Silo.History;

/// <summary>
/// Decides, per table and batch, whether rows are COPYed straight into history or staged and deduplicated.
/// Straight in is the bet that no key of the batch is stored yet, which holds for readings arriving in order;
/// a lost bet costs one wasted COPY. After a table loses it, its next batches are staged for a while, so a
/// sender replaying old readings (a retry storm, a backfill twice over) costs the staging path, not twice it.
/// </summary>
internal sealed class DirectCopyPolicy(bool enabled, int stagedBatchesAfterConflict)
{
    private readonly Dictionary<HistoryTable, int> _stagedLeft = [];

    public bool ShouldTry(HistoryTable table)
    {
        if (!enabled || table.DirectCopySql is null)
        {
            return false;
        }

        lock (_stagedLeft)
        {
            if (_stagedLeft.TryGetValue(table, out var left) && left > 0)
            {
                _stagedLeft[table] = left - 1;
                return false;
            }

            return true;
        }
    }

    public void Conflicted(HistoryTable table)
    {
        lock (_stagedLeft)
        {
            _stagedLeft[table] = stagedBatchesAfterConflict;
        }
    }
}
