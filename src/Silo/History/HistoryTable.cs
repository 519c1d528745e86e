using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>
/// How rows of one history table are staged and deduplicated. A batch is binary-COPYed into a
/// per-connection temporary staging table (each row numbered by <c>seq</c>), then moved into the
/// partitioned table by one INSERT that skips keys already stored and answers only how many it stored.
/// Keys repeated within a batch are dropped while staging (the first wins), so the INSERT needs no sort.
/// Duplicates are rare, so which staged rows were not new is asked only when the count says some were not.
/// </summary>
internal abstract class HistoryTable
{
    /// <summary>The partitioned table's name; daily partitions are named <c>{Name}_yyyyMMdd</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Creates this connection's staging table; its rows vanish at every commit or rollback.</summary>
    public abstract string CreateStagingSql { get; }

    public abstract string CopySql { get; }

    /// <summary>Moves staged rows into history; answers one row: (rows stored, this transaction's id as text).</summary>
    public abstract string InsertSql { get; }

    /// <summary>The <c>seq</c> of each staged row whose key was already in history before this transaction.</summary>
    public abstract string DuplicatesSql { get; }
}

/// <summary>A history table whose rows are readings of type <typeparamref name="TRow"/>.</summary>
internal abstract class HistoryTable<TRow> : HistoryTable
{
    public abstract DateTimeOffset TimestampOf(TRow row);

    /// <summary>Writes one staging row, numbered <paramref name="sequence"/> within the batch.</summary>
    public abstract void WriteStagingRow(NpgsqlBinaryImporter importer, int sequence, string deviceId, TRow row);
}
