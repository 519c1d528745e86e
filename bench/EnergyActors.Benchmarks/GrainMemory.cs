using EnergyActors.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyActors.Benchmarks;

/// <summary>
/// Managed heap per activation: vehicle grains rebuilt from the loaded day of data (a full 24 h window)
/// and meter grains that hold only their newest reading, beside a grain with no fields (what Orleans itself costs an
/// activation). Measured as the heap growth after a full GC.
/// </summary>
internal static class GrainMemory
{
    public static async Task RunAsync(BenchArguments arguments)
    {
        using var host = await InProcessSilo.StartAsync(arguments.Connection);
        InProcessSilo.ActForBenchFleet();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var count = arguments.Number("count", 2_000);
        // Meters are cheap to prepare by the hundred thousand (one reading each), vehicles with a full day are not.
        var vehicles = arguments.Number("vehicle-count", count);
        var meters = arguments.Number("meter-count", count);
        // Warm up the code paths so JIT and pools are not counted as grain memory.
        await ActivateAsync(vehicles / 20, i => grains.GetGrain<IVehicleGrain>(BenchArguments.VehicleId(arguments.Prefix, 1 + i)).GetPerformance());
        await ActivateAsync(meters / 20, i => grains.GetGrain<IMeterGrain>(BenchArguments.MeterId(arguments.Prefix, 1 + i)).GetStatus());
        await ActivateAsync(meters / 20, i => grains.GetGrain<IEmptyGrain>(BenchArguments.MeterId("warm-", i)).Touch());

        var vehicleBytes = await MeasureAsync(vehicles, i => grains.GetGrain<IVehicleGrain>(BenchArguments.VehicleId(arguments.Prefix, 1 + (vehicles / 20) + i)).GetPerformance());
        var meterBytes = await MeasureAsync(meters, i => grains.GetGrain<IMeterGrain>(BenchArguments.MeterId(arguments.Prefix, 1 + (meters / 20) + i)).GetStatus());
        // Last, so that it pays for the silo's tables growing just as the meters did.
        var emptyBytes = await MeasureAsync(meters, i => grains.GetGrain<IEmptyGrain>(BenchArguments.MeterId(arguments.Prefix, i)).Touch());
        await BenchResult.WriteAsync(arguments, "memory", new Dictionary<string, double>
        {
            ["grains"] = count,
            ["vehicleGrains"] = vehicles,
            ["meterGrains"] = meters,
            ["bytesPerVehicleGrainFullWindow"] = vehicleBytes,
            ["bytesPerIdleMeterGrain"] = meterBytes,
            ["bytesPerEmptyGrain"] = emptyBytes,
        });
        // --hold N keeps the grains active N seconds more, for a heap dump (dotnet-gcdump collect -p PID).
        if (arguments.Number("hold", 0) is > 0 and var hold)
        {
            Console.WriteLine($"holding {hold} s, pid {Environment.ProcessId}");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

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
