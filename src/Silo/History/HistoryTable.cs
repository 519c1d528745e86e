using EnergyActors.Grains.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace EnergyActors.Silo.History;

/// <summary>
/// How rows of one history table are staged and deduplicated. A batch is binary-COPYed into a
/// per-connection temporary staging table (each row numbered by <c>seq</c>), then moved into the
/// partitioned table by one INSERT that skips keys already stored and answers only how many it stored.
/// Keys repeated within a batch are dropped while staging (the first wins), so the INSERT needs no sort.
/// Duplicates are rare, so which staged rows were not new is asked only when the count says some were not.
/// Because they are rare, a table without a follow-up may skip staging altogether: its rows are COPYed straight
/// into the partitioned table (<see cref="DirectCopySql"/>), and only a unique violation sends the batch down
/// the staging path (see <see cref="HistoryBatchCommit"/>).
/// Every table is keyed by (device id, ts); its statements are built once, from its columns.
/// </summary>
internal abstract class HistoryTable
{
    protected HistoryTable(string name, string deviceType, string idColumn, IEnumerable<string> valueColumns, HistoryFollowUp? followUp)
    {
        Name = name;
        DeviceType = deviceType;
        var columns = string.Join(", ", [idColumn, "ts", .. valueColumns]);
        var staging = $"{name}_staging";
        CreateStagingSql = $"CREATE TEMP TABLE IF NOT EXISTS {staging} (seq integer NOT NULL, LIKE {name} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";
        CopySql = $"COPY {staging} (seq, {columns}) FROM STDIN (FORMAT BINARY)";
        // A follow-up must see exactly the rows stored, which only the staging INSERT's RETURNING tells.
        DirectCopySql = followUp is null ? $"COPY {name} ({columns}) FROM STDIN (FORMAT BINARY)" : null;
        InsertSql = $"""
            WITH inserted AS (
                INSERT INTO {name} ({columns})
                SELECT {columns} FROM {staging}
                ON CONFLICT ({idColumn}, ts) DO NOTHING
                RETURNING {followUp?.Returning ?? "1"}
            ){(followUp is null ? string.Empty : $", {followUp.Statement}")}
            SELECT count(*), pg_current_xact_id()::text FROM inserted
            """;
        DuplicatesSql = $"""
            SELECT s.seq FROM {staging} s
            JOIN {name} h ON h.{idColumn} = s.{idColumn} AND h.ts = s.ts
            WHERE h.xmin <> pg_current_xact_id()::xid
            """;
    }

    /// <summary>The partitioned table's name; daily partitions are named <c>{Name}_yyyyMMdd</c>.</summary>
    public string Name { get; }

    /// <summary>The API's name for the devices whose readings this table holds ("meter", "vehicle", "site").</summary>
    public string DeviceType { get; }

    /// <summary>Creates this connection's staging table (the table's own columns, so they cannot drift); its rows vanish at every commit or rollback.</summary>
    public string CreateStagingSql { get; }

    public string CopySql { get; }

    /// <summary>COPY straight into the partitioned table (rows routed to their day); null when the table has a follow-up.</summary>
    public string? DirectCopySql { get; }

    /// <summary>Moves staged rows into history; answers one row: (rows stored, this transaction's id as text).</summary>
    public string InsertSql { get; }

    /// <summary>The <c>seq</c> of each staged row whose key was already in history before this transaction.</summary>
    public string DuplicatesSql { get; }
}

/// <summary>
/// A statement fed by the rows the insert stored (a CTE named by <see cref="Statement"/> itself), in the same
/// transaction, so a duplicate never counts twice and a failed flush leaves nothing half-counted.
/// </summary>
internal sealed record HistoryFollowUp(string Returning, string Statement);

/// <summary>A history table whose rows are readings of type <typeparamref name="TRow"/>.</summary>
internal sealed class HistoryTable<TRow> : HistoryTable
{
    private readonly Func<TRow, DateTimeOffset> _timestamp;
    private readonly HistoryColumn<TRow>[] _values;
    private readonly string _idField;

    // Each column's field name in the API (nested fields dotted, as in validation errors), in column order.
    private readonly (string Column, string Field)[] _fields;
    private readonly Dictionary<string, string> _fieldsByColumn;

    public HistoryTable(
        string name,
        string deviceType,
        (string Column, string Field) id,
        Func<TRow, DateTimeOffset> timestamp,
        HistoryColumn<TRow>[] values,
        HistoryFollowUp? followUp = null)
        : base(name, deviceType, id.Column, values.Select(v => v.Name), followUp)
    {
        _timestamp = timestamp;
        _values = values;
        _idField = id.Field;
        _fields = [id, ("ts", "timestamp"), .. values.Select(v => (v.Name, v.Field))];
        _fieldsByColumn = _fields.ToDictionary(f => f.Column, f => f.Field, StringComparer.Ordinal);
    }

    public DateTimeOffset TimestampOf(TRow row) => _timestamp(row);

    /// <summary>
    /// Writes one row: for staging, numbered <paramref name="sequence"/> within the batch; for the direct COPY
    /// (<paramref name="sequence"/> null), the table's own columns only.
    /// </summary>
    public void WriteRow(NpgsqlBinaryImporter importer, int? sequence, string deviceId, TRow row)
    {
        ArgumentNullException.ThrowIfNull(importer);
        importer.StartRow();
        if (sequence is { } number)
        {
            importer.Write(number, NpgsqlDbType.Integer);
        }

        importer.Write(deviceId, NpgsqlDbType.Text);
        importer.Write(_timestamp(row).UtcDateTime, NpgsqlDbType.TimestampTz);
        foreach (var value in _values)
        {
            value.Write(importer, row);
        }
    }

    /// <summary>Names, for the reading's sender, what PostgreSQL refused; the server's own text stays in the silo's log.</summary>
    public RejectedReading Describe(PostgresException error, string deviceId, int index, TRow row)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = FieldOf(error, deviceId, row);
        return new RejectedReading(DeviceType, deviceId, index, field,
            $"'{field}' holds a value the history store refused (SQLSTATE {error.SqlState}); nothing of this reading was stored.");
    }

    // The server names a column for NOT NULL and some type errors, a constraint for CHECK errors (named
    // "<table>_<column>_check" by PostgreSQL's convention), and neither for an invalid character.
    private string FieldOf(PostgresException error, string deviceId, TRow row)
    {
        if (error.ColumnName is { } column && _fieldsByColumn.TryGetValue(column, out var byColumn))
        {
            return byColumn;
        }

        if (error.ConstraintName is { } constraint)
        {
            foreach (var (name, field) in _fields)
            {
                if (constraint.Contains($"_{name}_", StringComparison.Ordinal))
                {
                    return field;
                }
            }
        }

        if (!TextRules.IsClean(deviceId))
        {
            return _idField;
        }

        foreach (var value in _values)
        {
            if (value.Text is { } text && !TextRules.IsClean(text(row)))
            {
                return value.Field;
            }
        }

        return "body";
    }
}
