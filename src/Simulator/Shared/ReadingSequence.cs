namespace EnergyActors.Simulator.Shared;

/// <summary>
/// Hands out blocks of reading indices to the workers. One sequence spans warm-up and measurement,
/// so the measured phase sends readings the warm-up did not.
/// </summary>
internal sealed class ReadingSequence(long available)
{
    private readonly long _available = available;
    private long _next;
    private long _limit = available;

    /// <summary>Indices handed out so far.</summary>
    public long Issued => Interlocked.Read(ref _next);

    /// <summary>Every reading with a past timestamp has been handed out.</summary>
    public bool Exhausted => Issued >= _available;

    /// <summary>The cap set by <see cref="CapAfterNext"/> has been reached.</summary>
    public bool AtLimit => Issued >= Interlocked.Read(ref _limit);

    /// <summary>Allow at most <paramref name="count"/> more readings (null: no cap).</summary>
    public void CapAfterNext(long? count)
    {
        var next = Issued;
        Interlocked.Exchange(ref _limit, count is { } cap && cap < _available - next ? next + cap : _available);
    }

    public bool TryClaim(int wanted, out long first, out int count)
    {
        while (true)
        {
            first = Interlocked.Read(ref _next);
            count = (int)Math.Min(wanted, Interlocked.Read(ref _limit) - first);
            if (count <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _next, first + count, first) == first)
            {
                return true;
            }
        }
    }
}
