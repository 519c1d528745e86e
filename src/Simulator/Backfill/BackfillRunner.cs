using System.Diagnostics;
using System.Globalization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Backfill;

/// <summary>One <c>backfill</c> run: post every reading of the period as fast as the gateway takes them, then report. Returns the exit code.</summary>
internal static class BackfillRunner
{
    public static async Task<int> RunAsync(BackfillOptions options, CancellationToken cancellation)
    {
        using var http = GatewayHttp.Create(options.Gateway, options.Concurrency);
        if (!await GatewayProbe.AnswersAsync(http, options.Gateway, cancellation))
        {
            return 1;
        }

        StatusMessages.Note(string.Create(CultureInfo.InvariantCulture,
            $"Backfilling {options.Vehicles:N0} vehicles and {options.Vehicles:N0} meters, a reading a minute from {Figures.Timestamp(options.First)} " +
            $"to {Figures.Timestamp(options.End)} ({options.Readings:N0} readings) in {(options.BatchSize == 1 ? "single readings" : $"batches of {options.BatchSize:N0}")} " +
            $"to {options.Gateway}, {options.Concurrency} in flight."));

        var generator = new BackfillGenerator(options);
        var sequence = new ReadingSequence(options.Readings);
        var driver = new LoadDriver(http, options.Concurrency, options.BatchSize, options.BatchSize > 1, generator.Get, sequence);
        var counters = new IngestCounters();
        using var abort = new CancellationTokenSource();
        await using var drainOnCancel = cancellation.Register(() => abort.CancelAfter(Shutdown.DrainGrace));

        var startedAt = Stopwatch.GetTimestamp();
        var running = driver.RunAsync(counters, cancellation, abort.Token);
        await ProgressDisplay.FollowAsync(new BackfillProgressView(options.Readings, counters), startedAt, running);
        var latency = await running;
        var elapsed = Stopwatch.GetElapsedTime(startedAt);

        var result = new BackfillResult(
            options.Gateway.ToString(), options.Vehicles, options.Vehicles, options.Hours, Figures.Timestamp(options.First), Figures.Timestamp(options.End),
            options.BatchSize, options.Concurrency, options.Seed,
            cancellation.IsCancellationRequested ? "Ctrl+C" : "every reading sent",
            options.Readings, counters.Sent, IngestFigures.Snapshot(counters, latency, elapsed),
            Math.Round(Figures.PerSecond(counters.Sent, elapsed), 1));
        BackfillReport.Render(result, counters.Samples.Items);
        if (options.JsonPath is { } path && !await JsonResultFile.TryWriteAsync(path, result, BackfillJsonContext.Default.BackfillResult))
        {
            return 1;
        }

        return result.Passed ? 0 : 1;
    }
}
