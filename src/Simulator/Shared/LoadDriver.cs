namespace EnergyActors.Simulator.Shared;

/// <summary>
/// Runs <paramref name="concurrency"/> workers, each claiming the next reading indices from
/// <paramref name="sequence"/>, turning them into readings with <paramref name="reading"/> and posting
/// them (one per request, or <paramref name="readingsPerRequest"/> per batch) until told to stop or the
/// sequence runs out.
/// </summary>
internal sealed class LoadDriver(
    HttpClient http, int concurrency, int readingsPerRequest, bool batch, Func<long, Reading> reading, ReadingSequence sequence)
{
    /// <returns>The merged latency of the successful requests.</returns>
    public async Task<LatencyHistogram> RunAsync(IngestCounters counters, CancellationToken stop, CancellationToken abort)
    {
        var sender = new GatewaySender(http, counters);
        var workers = Enumerable.Range(0, concurrency).Select(_ => WorkAsync(sender, stop, abort));
        var latency = new LatencyHistogram();
        foreach (var worker in await Task.WhenAll(workers))
        {
            latency.Add(worker);
        }

        return latency;
    }

    private async Task<LatencyHistogram> WorkAsync(GatewaySender sender, CancellationToken stop, CancellationToken abort)
    {
        // Leave the caller's thread at once, so all workers start together.
        await Task.Yield();

        // One histogram per worker: they never contend on its buckets.
        var latency = new LatencyHistogram();
        var readings = new List<Reading>(readingsPerRequest);
        while (!stop.IsCancellationRequested && sequence.TryClaim(readingsPerRequest, out var first, out var count))
        {
            Payload payload;
            if (!batch)
            {
                payload = PayloadWriter.Single(reading(first));
            }
            else
            {
                readings.Clear();
                for (var i = 0; i < count; i++)
                {
                    readings.Add(reading(first + i));
                }

                payload = PayloadWriter.Batch(readings);
            }

            await sender.SendAsync(payload, latency, stop, abort);
        }

        return latency;
    }
}

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
