using System.Diagnostics;
using System.Globalization;
using EnergyActors.Simulator.Shared;
using Npgsql;

namespace EnergyActors.Simulator.Ingest;

/// <summary>
/// One <c>ingest</c> run: check the gateway (and PostgreSQL) answer, warm up, measure, count the rows
/// committed meanwhile, report. Returns the process exit code.
/// </summary>
internal static class IngestRunner
{
    public static async Task<int> RunAsync(IngestOptions options, CancellationToken cancellation)
    {
        using var http = GatewayHttp.Create(options.Gateway, options.Concurrency);
        if (!await GatewayProbe.AnswersAsync(http, options.Gateway, cancellation))
        {
            return 1;
        }

        // Counting before any load also checks, up front, that PostgreSQL can be reached.
        var rows = options.Connection is { } connection ? new HistoryRowCounter(connection) : null;
        var before = rows is null ? null : await TryCountAsync(rows, cancellation);
        if (rows is not null && before is null)
        {
            return 1;
        }

        var generator = new ReadingGenerator(options);
        var sequence = new ReadingSequence(generator.AvailableBefore(DateTimeOffset.UtcNow));
        var driver = new LoadDriver(
            http, options.Concurrency, options.ReadingsPerRequest, options.Mode == IngestMode.Batch, generator.Get, sequence);
        using var abort = new CancellationTokenSource();
        await using var drainOnCancel = cancellation.Register(() => abort.CancelAfter(Shutdown.DrainGrace));
        StatusMessages.Note(Plan(options));

        if (options.Warmup > TimeSpan.Zero)
        {
            var warm = await RunPhaseAsync("warm-up", driver, sequence, options.Warmup, cancellation, abort.Token);
            var counters = warm.Counters;
            StatusMessages.Note(string.Create(CultureInfo.InvariantCulture,
                $"warm-up: {warm.Elapsed.TotalSeconds:0.0} s, {counters.Accepted:N0} accepted ({counters.Accepted / Math.Max(warm.Elapsed.TotalSeconds, 0.001):N0} readings/s), " +
                $"{counters.Duplicates:N0} duplicates, {counters.Retried:N0} retried, {counters.Failed:N0} failed"));
            foreach (var sample in counters.Samples.Items)
            {
                StatusMessages.Warn($"warm-up: {sample}");
            }

            if (cancellation.IsCancellationRequested)
            {
                StatusMessages.Error("Cancelled during the warm-up: nothing was measured.");
                return 1;
            }

            // Counted again once the warm-up has drained, so its rows are not attributed to the measurement.
            before = rows is null ? null : await TryCountAsync(rows, CancellationToken.None);
        }

        sequence.CapAfterNext(options.Readings);
        var measured = await RunPhaseAsync("measure", driver, sequence, options.Duration, cancellation, abort.Token);
        var after = rows is null || before is null ? null : await TryCountAsync(rows, CancellationToken.None);

        var result = IngestResult.From(options, measured, rowsChecked: rows is not null, rowsCommitted: after - before);
        IngestReport.Render(result, measured.Counters.Samples.Items);
        if (options.JsonPath is { } path && !await JsonResultFile.TryWriteAsync(path, result, IngestJsonContext.Default.IngestResult))
        {
            return 1;
        }

        return result.Passed ? 0 : 1;
    }

    private static async Task<PhaseOutcome> RunPhaseAsync(
        string name, LoadDriver driver, ReadingSequence sequence, TimeSpan duration, CancellationToken cancellation, CancellationToken abort)
    {
        using var timer = new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timer.Token);
        var counters = new IngestCounters();
        var startedAt = Stopwatch.GetTimestamp();
        if (duration > TimeSpan.Zero)
        {
            timer.CancelAfter(duration);
        }

        var running = driver.RunAsync(counters, stop.Token, abort);
        await ProgressDisplay.FollowAsync(new IngestProgressView(name, counters), startedAt, running);
        var latency = await running;
        var elapsed = Stopwatch.GetElapsedTime(startedAt);

        var reason = cancellation.IsCancellationRequested ? "Ctrl+C"
            : sequence.Exhausted ? "no past timestamps left (use an earlier --start or more devices)"
            : sequence.AtLimit ? "--readings reached"
            : string.Create(CultureInfo.InvariantCulture, $"--duration ({duration.TotalSeconds:0.###} s)");
        return new PhaseOutcome(counters, latency, elapsed, reason);
    }

    private static async Task<long?> TryCountAsync(HistoryRowCounter rows, CancellationToken cancellation)
    {
        try
        {
            return await rows.CountAsync(cancellation);
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException or OperationCanceledException)
        {
            StatusMessages.Error($"Cannot count the history rows in PostgreSQL: {ex.Message}");
            return null;
        }
    }

    private static string Plan(IngestOptions options)
    {
        var bounds = new List<string>();
        if (options.Duration > TimeSpan.Zero)
        {
            bounds.Add(string.Create(CultureInfo.InvariantCulture, $"{options.Duration.TotalSeconds:0.###} s"));
        }

        if (options.Readings is { } cap)
        {
            bounds.Add(string.Create(CultureInfo.InvariantCulture, $"{cap:N0} readings"));
        }

        var mode = options.Mode == IngestMode.Batch ? $"batches of {options.BatchSize:N0}" : "single readings";
        return string.Create(CultureInfo.InvariantCulture,
            $"Posting {mode} to {options.Gateway} from {options.Meters:N0} meters and {options.Vehicles:N0} vehicles, " +
            $"{options.Concurrency} in flight; warm-up {options.Warmup.TotalSeconds:0.###} s, then measuring for {string.Join(" or ", bounds)}, whichever comes first.");
    }
}
