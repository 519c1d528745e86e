using System.Diagnostics;
using System.Globalization;
using EnergyActors.Simulator.Shared;
using Npgsql;

namespace EnergyActors.Simulator.Analytics;

/// <summary>
/// One <c>analytics</c> run: an unmeasured warm-up, then the measured queries, each worker taking the next
/// vehicle in turn (one sequence across both phases), then the report. Returns the exit code.
/// </summary>
internal static class AnalyticsRunner
{
    public static async Task<int> RunAsync(AnalyticsOptions options, CancellationToken cancellation)
    {
        using var http = options.SqlConnection is null ? GatewayHttp.Create(options.Gateway, options.Concurrency) : null;
        await using var sql = options.SqlConnection is { } connection ? await OpenSqlAsync(connection, options.Concurrency, cancellation) : null;
        IPerformanceQuery? query = http is not null ? new HttpPerformanceQuery(http) : sql;
        if (query is null || (http is not null && !await GatewayProbe.AnswersAsync(http, options.Gateway, cancellation)))
        {
            return 1;
        }

        var via = http is not null
            ? $"GET {new Uri(options.Gateway, "/v1/analytics/performance/")}{{id}}"
            : "PostgreSQL: meter_readings + vehicle_readings aggregations, 2 per request";
        StatusMessages.Note(string.Create(CultureInfo.InvariantCulture,
            $"Querying {options.Vehicles:N0} vehicles in turn ({DeviceIds.Vehicle(options.Prefix, 1)} …) via {via}: " +
            $"{options.Warmup:N0} warm-up then {options.Requests:N0} measured requests, {options.Concurrency} in flight."));

        var turn = new RoundRobin([.. Enumerable.Range(1, options.Vehicles).Select(n => DeviceIds.Vehicle(options.Prefix, n))]);
        if (options.Warmup > 0)
        {
            var warm = await RunPhaseAsync("warm-up", query, turn, options.Warmup, options.Concurrency, cancellation);
            StatusMessages.Note(string.Create(CultureInfo.InvariantCulture,
                $"warm-up: {warm.Counters.Completed:N0} requests, {warm.Counters.NotOk:N0} not 200, {warm.Counters.Errors:N0} errors"));
            if (cancellation.IsCancellationRequested)
            {
                StatusMessages.Error("Cancelled during the warm-up: nothing was measured.");
                return 1;
            }
        }

        var measured = await RunPhaseAsync("measure", query, turn, options.Requests, options.Concurrency, cancellation);
        var counters = measured.Counters;
        var latency = measured.Latency;
        var result = new AnalyticsResult(
            query.Kind, via, options.Vehicles, options.Prefix, options.Requests, options.Warmup, options.Concurrency,
            cancellation.IsCancellationRequested ? "Ctrl+C" : "--requests reached",
            counters.Completed, counters.Ok, counters.NotOk, counters.Errors, counters.Statuses,
            Math.Round(measured.Elapsed.TotalSeconds, 3), Math.Round(Figures.PerSecond(counters.Completed, measured.Elapsed), 1),
            latency.PercentileMilliseconds(50), latency.PercentileMilliseconds(90), latency.PercentileMilliseconds(99), latency.MaxMilliseconds);
        AnalyticsReport.Render(result, counters.Samples.Items);
        if (options.JsonPath is { } path && !await JsonResultFile.TryWriteAsync(path, result, AnalyticsJsonContext.Default.AnalyticsResult))
        {
            return 1;
        }

        return result.Passed ? 0 : 1;
    }

    private static async Task<SqlPerformanceQuery?> OpenSqlAsync(string connection, int concurrency, CancellationToken cancellation)
    {
        SqlPerformanceQuery? sql = null;
        try
        {
            sql = new SqlPerformanceQuery(connection, concurrency);
            await sql.CheckAsync(cancellation);
            return sql;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            StatusMessages.Error($"Cannot query PostgreSQL: {ex.Message}");
            if (sql is not null)
            {
                await sql.DisposeAsync();
            }

            return null;
        }
    }

    private static async Task<(AnalyticsCounters Counters, LatencyHistogram Latency, TimeSpan Elapsed)> RunPhaseAsync(
        string name, IPerformanceQuery query, RoundRobin turn, long count, int concurrency, CancellationToken cancellation)
    {
        var counters = new AnalyticsCounters();
        var latency = new LatencyHistogram();
        var quota = new QueryQuota(count);
        var startedAt = Stopwatch.GetTimestamp();
        var running = Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            while (!cancellation.IsCancellationRequested && quota.TryClaim())
            {
                var id = turn.Next();
                var sent = Stopwatch.GetTimestamp();
                QueryOutcome outcome;
                try
                {
                    outcome = await query.RunAsync(id, cancellation);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    // Cut off by Ctrl+C: neither an answer nor a failure of the target.
                    break;
                }

                // Only answered queries have a latency; a refused connection's would flatter the figures.
                if (outcome.Status is not null)
                {
                    latency.Record(Stopwatch.GetElapsedTime(sent));
                }

                counters.Record(outcome, id);
            }
        }));
        await ProgressDisplay.FollowAsync(new AnalyticsProgressView(name, count, counters, latency), startedAt, running);
        await running;
        return (counters, latency, Stopwatch.GetElapsedTime(startedAt));
    }
}
