using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EnergyActors.Simulator.Shared;
using Spectre.Console;

namespace EnergyActors.Simulator.Commands;

/// <summary>
/// What every command repeats, so that a command's file holds only what is its own: check that the gateway
/// answers, drive the load while showing its progress, print the result table, the first failures and the
/// verdict, write <c>--json</c>, and turn the verdict into the exit code (0 passed, 1 anything else).
/// </summary>
internal abstract class SimulatorCommand : Command
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    protected SimulatorCommand(string name, string description)
        : base(name, description) => SetAction(ExecuteAsync);

    /// <summary>--key: the API key of every request to the gateway. A command lists it in its options beside --gateway.</summary>
    protected Option<string?> Key { get; } = CliOptions.Key();

    /// <returns>The process exit code.</returns>
    protected abstract Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellation);

    /// <summary>Adds the options in the order help lists them.</summary>
    protected void AddOptions(params Option[] options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var option in options)
        {
            Options.Add(option);
        }
    }

    /// <summary>A usage problem found after parsing: printed like the parser's own, exit code 1.</summary>
    protected static int Usage(string problem)
    {
        StatusMessages.Error(problem);
        return 1;
    }

    /// <summary>
    /// The run's one HttpClient once the gateway has answered /health/ready, so an unreachable gateway fails in
    /// seconds with one clear message; null when it could not be reached. A not-ready answer is only a warning.
    /// </summary>
    protected async Task<HttpClient?> ConnectAsync(ParseResult parse, Uri gateway, int concurrency, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(gateway);
        var http = GatewayHttp.Create(gateway, concurrency, parse.GetValue(Key));
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        probe.CancelAfter(ProbeTimeout);
        try
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), probe.Token);
            if (!response.IsSuccessStatusCode)
            {
                StatusMessages.Warn($"{gateway} answered {(int)response.StatusCode} to /health/ready: expect 503s until the cluster and PostgreSQL are up.");
            }

            return http;
        }
        catch (HttpRequestException ex)
        {
            StatusMessages.Error($"Cannot reach the gateway at {gateway}: {ex.Message}");
        }
        catch (OperationCanceledException)
        {
            StatusMessages.Error(cancellation.IsCancellationRequested ? "Cancelled." : $"The gateway at {gateway} did not answer within {ProbeTimeout.TotalSeconds:0} s.");
        }

        http.Dispose();
        return null;
    }

    /// <summary>Starts the load (given its start timestamp) and shows its progress until it ends.</summary>
    /// <returns>What the load returned, and how long it ran.</returns>
    protected static async Task<(T Value, TimeSpan Elapsed)> FollowAsync<T>(ProgressView view, Func<long, Task<T>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var startedAt = Stopwatch.GetTimestamp();
        var running = start(startedAt);
        await ProgressDisplay.FollowAsync(view, startedAt, running);
        var value = await running;
        return (value, Stopwatch.GetElapsedTime(startedAt));
    }

    /// <inheritdoc cref="FollowAsync{T}(ProgressView, Func{long, Task{T}})"/>
    protected static async Task<TimeSpan> FollowAsync(ProgressView view, Func<long, Task> start)
    {
        var (_, elapsed) = await FollowAsync(view, async startedAt =>
        {
            await start(startedAt);
            return true;
        });
        return elapsed;
    }

    /// <summary>The end-of-run table: a figure per row, its value right-aligned.</summary>
    protected static Table ResultTable(string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn("figure");
        table.AddColumn(new TableColumn("value").RightAligned());
        return table;
    }

    /// <summary>
    /// Requests through the accepted rate, as fleet and backfill word them. Ingest words and splits its rows
    /// differently (rejected only when any, one row per latency), and its output is kept as it is.
    /// </summary>
    protected static void AddCounterRows(Table table, IngestFigures figures)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(figures);
        table.AddRow("requests", Figures.Count(figures.Requests));
        table.AddRow("accepted", Figures.Count(figures.Accepted));
        table.AddRow("duplicates", Figures.Count(figures.Duplicates));
        table.AddRow("rejected", Figures.Alarm(figures.Rejected));
        table.AddRow("retried (503)", Figures.Count(figures.Retried));
        table.AddRow("failed requests", Figures.Alarm(figures.Failed));
        if (figures.Abandoned > 0)
        {
            table.AddRow("abandoned at stop (503, not retried)", Figures.Count(figures.Abandoned));
        }

        table.AddRow("elapsed s", Figures.Number(figures.ElapsedSeconds, "0.00"));
        table.AddRow("accepted readings/s", $"[bold]{Figures.Number(figures.AcceptedPerSecond, "N0")}[/]");
    }

    /// <summary>The four latencies on one row; apart from <see cref="AddCounterRows"/> so backfill can put its sent rate between.</summary>
    protected static void AddLatencyRow(Table table, IngestFigures figures)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(figures);
        table.AddRow("request latency p50 / p90 / p99 / max ms",
            $"{Figures.Number(figures.LatencyP50Ms, "0.00")} / {Figures.Number(figures.LatencyP90Ms, "0.00")} / " +
            $"{Figures.Number(figures.LatencyP99Ms, "0.00")} / {Figures.Number(figures.LatencyMaxMs, "0.00")}");
    }

    /// <summary>Prints the table, the first failures, what the command adds under them (<paramref name="notes"/>), then PASS or FAIL.</summary>
    protected static void Summarise(Table table, IReadOnlyCollection<string> failures, bool passed, Action? notes = null)
    {
        ArgumentNullException.ThrowIfNull(failures);
        Terminal.Out.Write(table);
        if (failures.Count > 0)
        {
            Terminal.Out.MarkupLine("[yellow]First failures:[/]");
            foreach (var sample in failures)
            {
                Terminal.Out.MarkupLineInterpolated($"  [yellow]{sample}[/]");
            }
        }

        notes?.Invoke();
        Terminal.Out.MarkupLine(passed ? "[green]PASS[/]" : "[red]FAIL[/]");
    }

    /// <summary>Writes the result for <c>--json</c> (when given) and returns the exit code: a file that cannot be written fails the run.</summary>
    protected static async Task<int> ExitAsync<T>(T result, JsonTypeInfo<T> type, string? jsonPath, bool passed)
    {
        if (jsonPath is not null)
        {
            try
            {
                await using (var file = File.Create(jsonPath))
                {
                    await JsonSerializer.SerializeAsync(file, result, type, CancellationToken.None);
                }

                StatusMessages.Note($"Result written to {jsonPath}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                StatusMessages.Error($"Cannot write {jsonPath}: {ex.Message}");
                return 1;
            }
        }

        return passed ? 0 : 1;
    }

    /// <summary>
    /// The token that cancels requests in flight: <see cref="Shutdown.DrainGrace"/> after the run's stop, so
    /// requests already sent get their answer (and are counted) before the report.
    /// </summary>
    protected sealed class Drain : IDisposable
    {
        private readonly CancellationTokenSource _abort = new();
        private readonly CancellationTokenRegistration _onStop;

        public Drain(CancellationToken stop) => _onStop = stop.Register(() => _abort.CancelAfter(Shutdown.DrainGrace));

        public CancellationToken Token => _abort.Token;

        public void Dispose()
        {
            _onStop.Dispose();
            _abort.Dispose();
        }
    }
}
