using System.Diagnostics;
using System.Globalization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// One <c>fleet</c> run: a producer releases each reporting round when the simulated clock reaches it,
/// workers post its readings, and at the end the figures are reported (and, with <c>--verify</c>, checked
/// against the API). Returns the process exit code.
/// </summary>
internal static class FleetRunner
{
    // Vehicles sampled by --verify: enough to catch a systematic error, few enough to check in seconds.
    private const int VerifySample = 200;

    public static async Task<int> RunAsync(FleetOptions options, CancellationToken cancellation)
    {
        using var http = GatewayHttp.Create(options.Gateway, options.Concurrency);
        if (!await GatewayProbe.AnswersAsync(http, options.Gateway, cancellation))
        {
            return 1;
        }

        StatusMessages.Note(Plan(options));
        FleetModel model;
        var preparing = Stopwatch.GetTimestamp();
        try
        {
            model = FleetModel.Create(options, cancellation);
            StatusMessages.Note(string.Create(CultureInfo.InvariantCulture,
                $"Vehicle histories prepared up to the start in {Stopwatch.GetElapsedTime(preparing).TotalSeconds:0.0} s."));
        }
        catch (OperationCanceledException)
        {
            StatusMessages.Error("Cancelled before sending anything.");
            return 1;
        }

        var ledger = options.Verify ? new AckLedger(SampleVehicles(options.Vehicles).Select(model.VehicleId)) : null;

        var counters = new IngestCounters();
        var latency = new LatencyHistogram();
        var rounds = new RoundTracker(options);
        using var deadline = new CancellationTokenSource(options.Duration + LagAllowance(options.Duration));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, deadline.Token);
        using var abort = new CancellationTokenSource();
        await using var drainOnStop = stop.Token.Register(() => abort.CancelAfter(Shutdown.DrainGrace));

        var startedAt = Stopwatch.GetTimestamp();
        var running = new FleetDriver(http, options, model, rounds, counters, latency, ledger).RunAsync(startedAt, stop.Token, abort.Token);
        await ProgressDisplay.FollowAsync(new FleetProgressView(rounds, counters, latency), startedAt, running);
        await running;
        var elapsed = Stopwatch.GetElapsedTime(startedAt);

        var reason = cancellation.IsCancellationRequested ? "Ctrl+C"
            : rounds.Queued == rounds.Planned && counters.Sent == rounds.Planned * model.ReadingsPerRound ? $"all {rounds.Planned:N0} rounds sent"
            : "--duration reached before every round was sent (the gateway is slower than the schedule)";
        VerifyResult? verify = null;
        if (ledger is not null)
        {
            if (cancellation.IsCancellationRequested)
            {
                StatusMessages.Warn("Verification skipped: the run was cancelled.");
            }
            else
            {
                StatusMessages.Note("Verifying the sampled vehicles against the API…");
                try
                {
                    verify = await new FleetVerifier(http, ledger).RunAsync(cancellation);
                }
                catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
                {
                    StatusMessages.Warn("Verification cancelled.");
                }
            }
        }

        var result = FleetResult.From(options, model, rounds, counters, latency, elapsed, reason, verify);
        FleetReport.Render(result, counters.Samples.Items);
        if (options.JsonPath is { } path && !await JsonResultFile.TryWriteAsync(path, result, FleetJsonContext.Default.FleetResult))
        {
            return 1;
        }

        return result.Passed && !cancellation.IsCancellationRequested ? 0 : 1;
    }

    /// <summary>Vehicle numbers spread evenly over the fleet.</summary>
    public static IEnumerable<int> SampleVehicles(int vehicles)
    {
        var count = Math.Min(VerifySample, vehicles);
        return Enumerable.Range(0, count).Select(j => 1 + (int)((long)j * vehicles / count));
    }

    // A run behind schedule may overrun --duration by this much before the rounds still unsent are dropped.
    private static TimeSpan LagAllowance(TimeSpan duration) => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(5).Ticks, duration.Ticks / 10));

    private static string Plan(FleetOptions options)
    {
        var sending = options.BatchSize == 1 ? "single readings" : $"batches of {options.BatchSize:N0}";
        var plan = string.Create(CultureInfo.InvariantCulture,
            $"Simulating {options.Meters:N0} meters and {options.Vehicles:N0} vehicles from {Figures.Timestamp(options.Start)}, " +
            $"a reading every {SpanText.Format(options.Interval)} of simulated time at ×{options.Speedup:0.###} for {SpanText.Format(options.Duration)} " +
            $"({options.Rounds:N0} rounds, {options.Rounds * (options.Meters + options.Vehicles):N0} readings); posting {sending} to {options.Gateway}, " +
            $"{options.Concurrency} in flight.");
        var end = options.Start + options.SimulatedSpan;
        if (end > DateTimeOffset.UtcNow)
        {
            plan += string.Create(CultureInfo.InvariantCulture,
                $" The simulated clock would pass now: rounds after {Figures.Timestamp(DateTimeOffset.UtcNow)} wait for real time.");
        }

        if (options.Vehicles > options.Meters)
        {
            plan += string.Create(CultureInfo.InvariantCulture,
                $" Vehicles above {options.Meters:N0} charge at chargers outside the fleet: their DC is sent, their AC is not.");
        }

        return plan;
    }
}
