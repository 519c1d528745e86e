using EnergyActors.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyActors.Benchmarks;

/// <summary>
/// Managed heap per activation: vehicle grains rebuilt from the loaded day of data (a full 24 h window)
/// and meter grains that hold only their newest reading. Measured as the heap growth after a full GC.
/// </summary>
internal static class GrainMemory
{
    public static async Task RunAsync(BenchArguments arguments)
    {
        using var host = await InProcessSilo.StartAsync(arguments.Connection);
        InProcessSilo.ActForBenchFleet();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var count = arguments.Number("count", 2_000);
        // Warm up the code paths so JIT and pools are not counted as grain memory.
        await ActivateAsync(count / 20, i => grains.GetGrain<IVehicleGrain>(BenchArguments.VehicleId(arguments.Prefix, 1 + i)).GetPerformance());
        await ActivateAsync(count / 20, i => grains.GetGrain<IMeterGrain>(BenchArguments.MeterId(arguments.Prefix, 1 + i)).GetStatus());

        var vehicleBytes = await MeasureAsync(count, i => grains.GetGrain<IVehicleGrain>(BenchArguments.VehicleId(arguments.Prefix, 1 + (count / 20) + i)).GetPerformance());
        var meterBytes = await MeasureAsync(count, i => grains.GetGrain<IMeterGrain>(BenchArguments.MeterId(arguments.Prefix, 1 + (count / 20) + i)).GetStatus());
        await BenchResult.WriteAsync(arguments, "memory", new Dictionary<string, double>
        {
            ["grains"] = count,
            ["bytesPerVehicleGrainFullWindow"] = vehicleBytes,
            ["bytesPerIdleMeterGrain"] = meterBytes,
        });
        await host.StopAsync();
    }

    private static async Task<double> MeasureAsync(int count, Func<int, Task> activate)
    {
        var before = Heap();
        await ActivateAsync(count, activate);
        return (Heap() - before) / (double)count;
    }

    private static Task ActivateAsync(int count, Func<int, Task> activate) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) => await activate(i));

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
