namespace EnergyActors.Simulator.Ingest;

/// <summary>Runs <c>concurrency</c> workers, each taking the next readings and posting them until told to stop.</summary>
internal sealed class LoadDriver(HttpClient http, IngestOptions options, ReadingGenerator generator, ReadingSequence sequence)
{
    /// <returns>The merged latency of the phase's successful requests.</returns>
    public async Task<LatencyHistogram> RunAsync(IngestCounters counters, CancellationToken stop, CancellationToken abort)
    {
        var sender = new GatewaySender(http, counters);
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => WorkAsync(sender, stop, abort));
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
        var latency = new LatencyHistogram();
        var batch = new List<Reading>(options.ReadingsPerRequest);
        while (!stop.IsCancellationRequested && sequence.TryClaim(options.ReadingsPerRequest, out var first, out var count))
        {
            Payload payload;
            if (options.Mode == IngestMode.Single)
            {
                payload = PayloadWriter.Single(generator.Get(first));
            }
            else
            {
                batch.Clear();
                for (var i = 0; i < count; i++)
                {
                    batch.Add(generator.Get(first + i));
                }

                payload = PayloadWriter.Batch(batch);
            }

            await sender.SendAsync(payload, latency, stop, abort);
        }

        return latency;
    }
}
