using Npgsql;
using NpgsqlTypes;

namespace EnergyActors.Silo.History;

/// <summary>One value column of a history table: its PostgreSQL name, its field in the API, and how a row's value is staged.</summary>
internal sealed class HistoryColumn<TRow>
{
    private readonly Action<NpgsqlBinaryImporter, TRow> _write;

    private HistoryColumn(string name, string field, Func<TRow, string?>? text, Action<NpgsqlBinaryImporter, TRow> write)
    {
        Name = name;
        Field = field;
        Text = text;
        _write = write;
    }

    public string Name { get; }

    public string Field { get; }

    /// <summary>The value of a text column: PostgreSQL may refuse characters in it that its text type cannot hold.</summary>
    public Func<TRow, string?>? Text { get; }

    public static HistoryColumn<TRow> Double(string name, string field, Func<TRow, double> value) =>
        new(name, field, null, (importer, row) => importer.Write(value(row), NpgsqlDbType.Double));

    public static HistoryColumn<TRow> RequiredText(string name, string field, Func<TRow, string> value) =>
        new(name, field, value, (importer, row) => importer.Write(value(row), NpgsqlDbType.Text));

    public static HistoryColumn<TRow> OptionalText(string name, string field, Func<TRow, string?> value) =>
        new(name, field, value, (importer, row) =>
        {
            if (value(row) is { } text)
            {
                importer.Write(text, NpgsqlDbType.Text);
            }
            else
            {
                importer.WriteNull();
            }
        });

    public void Write(NpgsqlBinaryImporter importer, TRow row) => _write(importer, row);
}
