using System.Diagnostics;
using EnergyActors.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyActors.Benchmarks;

/// <summary>Readings per second through vehicle grains and the real history writer, without HTTP in the way.</summary>
internal static class GrainThroughput
{
    public static async Task RunAsync(BenchArguments arguments)
    {
        using var host = await InProcessSilo.StartAsync(arguments.Connection);
        InProcessSilo.ActForBenchFleet();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var devices = arguments.Number("devices", 2_000);
        var readings = arguments.Number("readings", 400_000);
        var concurrency = arguments.Number("concurrency", 512);
        var prefix = $"{arguments.Prefix}g{Guid.NewGuid():N}"[..20];
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        // Activation is a separate cost (measured by the memory step); this measures ingestion.
        await Parallel.ForEachAsync(Enumerable.Range(0, devices), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (d, _) =>
            await grains.GetGrain<IVehicleGrain>($"{prefix}-{d}").GetStatus());

        var next = -1;
        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, concurrency), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < readings)
            {
                var vehicle = grains.GetGrain<IVehicleGrain>($"{prefix}-{n % devices}");
                await vehicle.Ingest([new VehicleReading(t0.AddMinutes(n / devices), 50, 0.1, 25)]);
            }
        });
        var seconds = started.Elapsed.TotalSeconds;
        await BenchResult.WriteAsync(arguments, "grains", new Dictionary<string, double>
        {
            ["readings"] = readings,
            ["seconds"] = seconds,
            ["readingsPerSecond"] = readings / seconds,
        });
        await host.StopAsync();
    }
}
