using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>
/// How rows of one history table are staged and deduplicated. A batch is binary-COPYed into a
/// per-connection temporary staging table, then moved into the partitioned table by one INSERT that
/// skips keys already stored and returns the keys it did store. Keys repeated within a batch are
/// dropped while staging (the first wins), so the INSERT needs no sort to deduplicate.
/// </summary>
internal abstract class HistoryTable
{
    /// <summary>The partitioned table's name; daily partitions are named <c>{Name}_yyyyMMdd</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Creates this connection's staging table; its rows vanish at every commit or rollback.</summary>
    public abstract string CreateStagingSql { get; }

    public abstract string CopySql { get; }

    /// <summary>Moves staged rows into history and returns (device id, ts) of each row newly stored.</summary>
    public abstract string InsertSql { get; }
}

/// <summary>A history table whose rows are readings of type <typeparamref name="TRow"/>.</summary>
internal abstract class HistoryTable<TRow> : HistoryTable
{
    public abstract DateTimeOffset TimestampOf(TRow row);

    public abstract void WriteStagingRow(NpgsqlBinaryImporter importer, string deviceId, TRow row);
}
