using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyActors.Simulator.Analytics;
using EnergyActors.Simulator.Shared;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Commands;

/// <summary>
/// <c>analytics</c>: an unmeasured warm-up, then the measured queries of a vehicle's rolling figures, through the
/// gateway or (<c>--sql</c>) as the reference engine's SQL, each worker taking the next vehicle in turn (one
/// turn across both phases). It passes when every measured query was made and answered 200 (or ran).
/// </summary>
internal sealed class AnalyticsCommand : SimulatorCommand
{
    private const long MaxRequests = 100_000_000;

    private readonly Option<Uri> _gateway = CliOptions.Gateway();
    private readonly Option<int> _vehicles = new("--vehicles") { Description = "Vehicles to query in turn: {prefix}VEH-000001 …, as backfill creates them.", HelpName = "n", DefaultValueFactory = _ => 100 };
    private readonly Option<string> _prefix = CliOptions.Prefix("Vehicle id prefix, as given to backfill.", DeviceIds.LongestSuffix);
    private readonly Option<long> _requests = new("--requests") { Description = "Measured requests.", HelpName = "r", DefaultValueFactory = _ => 10_000 };
    private readonly Option<int> _concurrency = new("--concurrency") { Description = "Requests in flight.", HelpName = "c", DefaultValueFactory = _ => 16 };
    private readonly Option<long> _warmup = new("--warmup") { Description = "Requests before measuring, not measured (JIT, connections, grain activation).", HelpName = "r", DefaultValueFactory = _ => 100 };
    private readonly Option<string?> _sql = new("--sql")
    {
        Description = "Npgsql connection string (or env:NAME to read it from that variable): run the reference engine's two SQL aggregations per request against PostgreSQL instead of calling the gateway.",
        HelpName = "connection-string",
        CustomParser = CliOptions.ParseConnection,
    };

    private readonly Option<string?> _json = CliOptions.Json();

    public AnalyticsCommand()
        : base("analytics", "Measure GET /v1/analytics/performance/{id} latency and throughput, or the equivalent SQL (--sql), over backfilled vehicles.")
    {
        CliOptions.Range(_vehicles, 1, DeviceIds.MaxNumber);
        CliOptions.Range(_requests, 1, MaxRequests);
        CliOptions.Range(_warmup, 0, MaxRequests);
        CliOptions.Range(_concurrency, 1, 4096);
        AddOptions(_gateway, Key, _vehicles, _prefix, _requests, _concurrency, _warmup, _sql, _json);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation)
    {
        var gateway = parse.GetRequiredValue(_gateway);
        var (vehicles, prefix, requests, warmup) = (parse.GetValue(_vehicles), parse.GetValue(_prefix) ?? string.Empty, parse.GetValue(_requests), parse.GetValue(_warmup));
        var concurrency = parse.GetValue(_concurrency);
        var connection = parse.GetValue(_sql);
        using var http = connection is null ? await ConnectAsync(parse, gateway, concurrency, cancellation) : null;
        await using var sql = connection is null ? null : await OpenSqlAsync(connection, concurrency, cancellation);
        IPerformanceQuery? query = http is not null ? new HttpPerformanceQuery(http) : sql;
        if (query is null)
        {
            return 1;
        }

        var via = http is not null
            ? $"GET {new Uri(gateway, "/v1/analytics/performance/")}{{id}}"
            : "PostgreSQL: meter_readings + vehicle_readings aggregations, 2 per request";
        StatusMessages.Note(string.Create(CultureInfo.InvariantCulture,
            $"Querying {vehicles:N0} vehicles in turn ({DeviceIds.Vehicle(prefix, 1)} …) via {via}: " +
            $"{warmup:N0} warm-up then {requests:N0} measured requests, {concurrency} in flight."));

        var turn = new RoundRobin([.. Enumerable.Range(1, vehicles).Select(n => DeviceIds.Vehicle(prefix, n))]);
        if (warmup > 0)
        {
            var (warm, _, _) = await RunPhaseAsync("warm-up", query, turn, warmup, concurrency, cancellation);
            StatusMessages.Note(string.Create(CultureInfo.InvariantCulture,
                $"warm-up: {warm.Completed:N0} requests, {warm.NotOk:N0} not 200, {warm.Errors:N0} errors"));
            if (cancellation.IsCancellationRequested)
            {
                StatusMessages.Error("Cancelled during the warm-up: nothing was measured.");
                return 1;
            }
        }

        var (counters, latency, elapsed) = await RunPhaseAsync("measure", query, turn, requests, concurrency, cancellation);
        var result = new AnalyticsResult(
            query.Kind, via, vehicles, prefix, requests, warmup, concurrency,
            cancellation.IsCancellationRequested ? "Ctrl+C" : "--requests reached",
            counters.Completed, counters.Ok, counters.NotOk, counters.Errors, counters.Statuses,
            Math.Round(elapsed.TotalSeconds, 3), Math.Round(Figures.PerSecond(counters.Completed, elapsed), 1),
            latency.PercentileMilliseconds(50), latency.PercentileMilliseconds(90), latency.PercentileMilliseconds(99), latency.MaxMilliseconds);
        Summarise(Report(result), counters.Samples.Items, result.Passed);
        return await ExitAsync(result, AnalyticsJsonContext.Default.AnalyticsResult, parse.GetValue(_json), result.Passed);
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
        var elapsed = await FollowAsync(new Progress(name, count, counters, latency), _ => Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
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
        })));
        return (counters, latency, elapsed);
    }

    private static Table Report(AnalyticsResult result)
    {
        var table = ResultTable($"analytics result ({result.Target})");
        table.AddRow("queried", Markup.Escape(result.Via));
        table.AddRow("vehicles", Markup.Escape($"{Figures.Count(result.Vehicles)} ({result.Prefix}VEH-000001 …)"));
        table.AddRow("concurrency", Figures.Count(result.Concurrency));
        table.AddRow("warm-up requests", Figures.Count(result.Warmup));
        table.AddRow("stopped by", Markup.Escape(result.StopReason));
        table.AddRow("requests measured", Figures.Count(result.Completed));
        table.AddRow(result.Target == "sql" ? "ran" : "200", Figures.Count(result.Ok));
        table.AddRow("not 200", Figures.Alarm(result.NotOk));
        table.AddRow("errors (no answer)", Figures.Alarm(result.Errors));
        if (result.NotOk > 0)
        {
            table.AddRow("answers by status", string.Join(", ", result.StatusCounts.Select(s => $"{s.Key}: {Figures.Count(s.Value)}")));
        }

        table.AddRow("elapsed s", Figures.Number(result.ElapsedSeconds, "0.00"));
        table.AddRow("requests/s", $"[bold]{Figures.Number(result.RequestsPerSecond, "N0")}[/]");
        table.AddRow("latency p50 ms", Figures.Millis(result.LatencyP50Ms));
        table.AddRow("latency p90 ms", Figures.Millis(result.LatencyP90Ms));
        table.AddRow("latency p99 ms", Figures.Millis(result.LatencyP99Ms));
        table.AddRow("latency max ms", Figures.Millis(result.LatencyMaxMs));
        return table;
    }

    /// <summary>A phase's queries done, rate, latency percentiles and the answers that were not 200.</summary>
    private sealed class Progress(string phase, long planned, AnalyticsCounters counters, LatencyHistogram latency) : ProgressView(phase)
    {
        public override IRenderable Live(TimeSpan elapsed)
        {
            var completed = counters.Completed;
            return new Rows(
                new Markup(
                    $"{LiveHeading(elapsed)}   {Figures.Count(completed)} / {Figures.Count(planned)} requests   {LiveRate(completed, elapsed, "requests")}"),
                new Markup(
                    $"p50 {Figures.Millis(latency.PercentileMilliseconds(50))} ms   p99 {Figures.Millis(latency.PercentileMilliseconds(99))} ms   " +
                    $"not 200 {Figures.Alarm(counters.NotOk)}   errors {Figures.Alarm(counters.Errors)}"));
        }

        public override string Plain(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
            $"{PlainHeading(elapsed)}  {counters.Completed:N0}/{planned:N0} requests  {Figures.PerSecond(counters.Completed, elapsed):N0} requests/s  " +
            $"p50 {Figures.Millis(latency.PercentileMilliseconds(50))} ms  p99 {Figures.Millis(latency.PercentileMilliseconds(99))} ms  " +
            $"not 200 {counters.NotOk:N0}  errors {counters.Errors:N0}");
    }
}

/// <summary>The figures of an analytics run, as printed and as written by <c>--json</c>; latencies in ms with microsecond digits.</summary>
internal sealed record AnalyticsResult(
    string Target, string Via, int Vehicles, string Prefix, long Requests, long Warmup, int Concurrency, string StopReason,
    long Completed, long Ok, long NotOk, long Errors, IReadOnlyDictionary<string, long> StatusCounts, double ElapsedSeconds,
    double RequestsPerSecond, double LatencyP50Ms, double LatencyP90Ms, double LatencyP99Ms, double LatencyMaxMs)
{
    /// <summary>Every measured query was made and answered 200 (or ran, for SQL).</summary>
    public bool Passed => Completed == Requests && NotOk == 0 && Errors == 0;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(AnalyticsResult))]
internal sealed partial class AnalyticsJsonContext : JsonSerializerContext;
