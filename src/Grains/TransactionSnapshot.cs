using System.Globalization;

namespace EnergyActors.Grains;

/// <summary>
/// A PostgreSQL snapshot (<c>pg_current_snapshot()</c>, text form <c>xmin:xmax:xip,…</c>): tells whether a
/// committed transaction's rows were visible to the reads made under it.
/// </summary>
public sealed class TransactionSnapshot
{
    private readonly ulong _xmin;
    private readonly ulong _xmax;
    // Sorted; usually empty. A vehicle grain keeps its snapshot for its whole activation, so it stays small.
    private readonly ulong[] _inProgress;

    private TransactionSnapshot(ulong xmin, ulong xmax, ulong[] inProgress, string text)
    {
        _xmin = xmin;
        _xmax = xmax;
        _inProgress = inProgress;
        Text = text;
    }

    /// <summary>Nothing was read: no transaction is visible.</summary>
    public static TransactionSnapshot None { get; } = new(0, 0, [], "0:0:");

    /// <summary>The first transaction not yet started when the snapshot was taken: how far along the cluster's transactions it is.</summary>
    public ulong Xmax => _xmax;

    /// <summary>The snapshot in PostgreSQL's text form, to store it or hand it back as a <c>pg_snapshot</c>.</summary>
    public string Text { get; }

    public static TransactionSnapshot Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length != 3)
        {
            throw new FormatException($"Not a PostgreSQL snapshot: '{text}'.");
        }

        var inProgress = Array.ConvertAll(parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries), xid => ulong.Parse(xid, CultureInfo.InvariantCulture));
        Array.Sort(inProgress);

        return new TransactionSnapshot(ulong.Parse(parts[0], CultureInfo.InvariantCulture), ulong.Parse(parts[1], CultureInfo.InvariantCulture), inProgress, text);
    }

    /// <summary>Whether the committed transaction <paramref name="xid"/> had committed before this snapshot was taken.</summary>
    public bool Sees(ulong xid) => xid < _xmin || (xid < _xmax && Array.BinarySearch(_inProgress, xid) < 0);
}
