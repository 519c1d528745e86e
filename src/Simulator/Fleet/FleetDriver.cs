using System.Diagnostics;
using System.Threading.Channels;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// Sends a fleet run's readings on schedule: a producer releases each reporting round when the simulated
/// clock reaches it (and never before its timestamp has passed in real time), workers post the queued
/// payloads and book what the gateway acknowledged.
/// </summary>
internal sealed class FleetDriver(
    HttpClient http, FleetOptions options, FleetModel model, RoundTracker rounds, IngestCounters counters, LatencyHistogram latency, AckLedger? ledger)
{
    // Payloads queued ahead per worker: enough to keep them busy, little enough that a stop wastes nothing.
    private const int QueuedPerWorker = 4;

    /// <summary>Runs until every round is sent or <paramref name="stop"/>; <paramref name="abort"/> cancels requests in flight.</summary>
    public Task RunAsync(long startedAt, CancellationToken stop, CancellationToken abort)
    {
        var queue = Channel.CreateBounded<FleetBatch>(new BoundedChannelOptions(options.Concurrency * QueuedPerWorker)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var sender = new GatewaySender(http, counters);
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => WorkAsync(queue.Reader, sender, stop, abort));
        return Task.WhenAll(workers.Append(ProduceAsync(queue.Writer, startedAt, stop)));
    }

    private async Task ProduceAsync(ChannelWriter<FleetBatch> queue, long startedAt, CancellationToken stop)
    {
        // Off the caller's thread: generating a round is CPU work that must not hold up the workers' start.
        await Task.Yield();
        try
        {
            for (var round = 1L; round <= options.Rounds; round++)
            {
                var wait = options.RoundDue(round) - Stopwatch.GetElapsedTime(startedAt);
                var timestamp = options.RoundTimestamp(round);

                // The simulated clock never runs ahead of real time: the gateway rejects readings from the future.
                var ahead = timestamp - DateTimeOffset.UtcNow;
                wait = wait > ahead ? wait : ahead;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop);
                }

                var readings = model.Round(timestamp);
                for (var first = 0; first < readings.Count; first += options.BatchSize)
                {
                    var slice = readings.GetRange(first, Math.Min(options.BatchSize, readings.Count - first));
                    var payload = slice.Count == 1 && options.BatchSize == 1 ? PayloadWriter.Single(slice[0]) : PayloadWriter.Batch(slice);
                    await queue.WriteAsync(new FleetBatch(payload, slice), stop);
                }

                rounds.RoundQueued(timestamp);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped: the rounds not queued are reported as not sent.
        }
        finally
        {
            queue.Complete();
        }
    }

    private async Task WorkAsync(ChannelReader<FleetBatch> queue, GatewaySender sender, CancellationToken stop, CancellationToken abort)
    {
        await Task.Yield();
        try
        {
            while (await queue.WaitToReadAsync(stop))
            {
                while (!stop.IsCancellationRequested && queue.TryRead(out var batch))
                {
                    var answer = await sender.SendAsync(batch.Payload, latency, stop, abort);
                    if (answer is not null)
                    {
                        ledger?.Acknowledge(batch.Readings, answer);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped: what is still queued is not sent.
        }
    }
}

/// <summary>How far the producer has got: read by the progress display while the producer writes.</summary>
internal sealed class RoundTracker(FleetOptions options)
{
    private long _queued;
    private long _lastTimestampTicks = options.Start.UtcTicks;

    public long Planned => options.Rounds;

    /// <summary>Rounds whose readings are all queued for sending.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Timestamp of the newest round queued: the simulated clock as far as the gateway can see it.</summary>
    public DateTimeOffset SimulatedNow => new(Interlocked.Read(ref _lastTimestampTicks), TimeSpan.Zero);

    /// <summary>Rounds that are due by the schedule but not yet queued: the gateway (or the generator) is behind.</summary>
    public long Behind(TimeSpan elapsed)
    {
        var due = Math.Min(Planned, (long)Math.Floor(elapsed.Ticks * options.Speedup / options.Interval.Ticks));
        return Math.Max(0, due - Queued);
    }

    public void RoundQueued(DateTimeOffset timestamp)
    {
        Interlocked.Exchange(ref _lastTimestampTicks, timestamp.UtcTicks);
        Interlocked.Increment(ref _queued);
    }
}

/// <summary>One request's body and the readings in it, in order, so the answer's item indices can be matched back.</summary>
internal sealed record FleetBatch(Payload Payload, IReadOnlyList<Reading> Readings);
