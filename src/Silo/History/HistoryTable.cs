using EnergyActors.Grains.Abstractions;
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

    /// <summary>The API's name for the devices whose readings this table holds ("meter", "vehicle", "site").</summary>
    public abstract string DeviceType { get; }

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

    /// <summary>Names, for the reading's sender, what PostgreSQL refused; the server's own text stays in the silo's log.</summary>
    public RejectedReading Describe(PostgresException error, string deviceId, int index, TRow row)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = FieldOf(error, deviceId, row);
        return new RejectedReading(DeviceType, deviceId, index, field,
            $"'{field}' holds a value the history store refused (SQLSTATE {error.SqlState}); nothing of this reading was stored.");
    }

    /// <summary>Each column's field name in the API (nested fields dotted, as in validation errors).</summary>
    protected abstract IReadOnlyDictionary<string, string> FieldsByColumn { get; }

    /// <summary>The row's text values by field name, where PostgreSQL may refuse characters its text type cannot hold.</summary>
    protected abstract IEnumerable<(string Field, string? Text)> Texts(string deviceId, TRow row);

    // The server names a column for NOT NULL and some type errors, a constraint for CHECK errors (named
    // "<table>_<column>_check" by PostgreSQL's convention), and neither for an invalid character.
    private string FieldOf(PostgresException error, string deviceId, TRow row)
    {
        if (error.ColumnName is { } column && FieldsByColumn.TryGetValue(column, out var byColumn))
        {
            return byColumn;
        }

        if (error.ConstraintName is { } constraint)
        {
            foreach (var (name, field) in FieldsByColumn)
            {
                if (constraint.Contains($"_{name}_", StringComparison.Ordinal))
                {
                    return field;
                }
            }
        }

        foreach (var (field, text) in Texts(deviceId, row))
        {
            if (!TextRules.IsClean(text))
            {
                return field;
            }
        }

        return "body";
    }
}
