using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyActors.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyActors.Benchmarks;

/// <summary>
/// How cost grows with the devices: for each size (e.g. 1,000 / 10,000 / 100,000), a fresh in-process silo activates
/// that many new devices (half meters, half vehicles), sends each a few readings through its grain and the real
/// history writer, and reports activations/s, readings/s and managed heap per device. Each size has a time budget
/// per step: a size that does not fit says how many devices it reached, rather than holding up the run.
/// </summary>
internal static class DeviceScale
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task RunAsync(BenchArguments arguments)
    {
        var sizes = (arguments.Text("sizes") ?? "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var readingsPerDevice = arguments.Number("readings-per-device", 3);
        var budget = TimeSpan.FromSeconds(arguments.Number("budget-seconds", 120));
        var results = new JsonArray();
        foreach (var size in sizes)
        {
            var figures = await MeasureAsync(arguments.Connection, size, readingsPerDevice, budget);
            Console.WriteLine(string.Join("  ", figures.Select(f => FormattableString.Invariant($"scale.{size}.{f.Key} = {f.Value:0.###}"))));
            results.Add(new JsonObject(figures.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))));
        }

        if (arguments.Json is { } path)
        {
            await File.WriteAllTextAsync(path, new JsonObject { ["sizes"] = results }.ToJsonString(Indented));
        }
    }

    private static async Task<Dictionary<string, double>> MeasureAsync(string connection, int size, int readingsPerDevice, TimeSpan budget)
    {
        using var host = await InProcessSilo.StartAsync(connection);
        InProcessSilo.ActForBenchFleet();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var prefix = $"scale{size}-{Guid.NewGuid():N}"[..20];
        IDeviceGrain Device(int i) => i % 2 == 0
            ? new Meter(grains.GetGrain<IMeterGrain>($"{prefix}-m{i}"))
            : new Vehicle(grains.GetGrain<IVehicleGrain>($"{prefix}-v{i}"));

        var heapBefore = Heap();
        var activation = Stopwatch.StartNew();
        var activated = await ForEachWithinAsync(size, budget, i => Device(i).ActivateAsync());
        var activationSeconds = activation.Elapsed.TotalSeconds;

        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ingestion = Stopwatch.StartNew();
        var sent = await ForEachWithinAsync(activated * readingsPerDevice, budget, n =>
            Device(n % activated).IngestAsync(t0.AddMinutes(n / activated)));
        var ingestionSeconds = ingestion.Elapsed.TotalSeconds;
        var bytesPerDevice = (Heap() - heapBefore) / (double)Math.Max(activated, 1);
        await host.StopAsync();
        return new Dictionary<string, double>
        {
            ["devices"] = size,
            ["activated"] = activated,
            ["activationsPerSecond"] = activated / activationSeconds,
            ["readings"] = sent,
            ["readingsPerSecond"] = sent / ingestionSeconds,
            ["bytesPerDevice"] = bytesPerDevice,
        };
    }

    /// <summary>Runs <paramref name="step"/> for 0..count-1, 64 at a time, until done or out of time; returns how many ran.</summary>
    private static async Task<int> ForEachWithinAsync(int count, TimeSpan budget, Func<int, Task> step)
    {
        using var deadline = new CancellationTokenSource(budget);
        var next = -1;
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 64), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (_, _) =>
        {
            int n;
            while (!deadline.IsCancellationRequested && (n = Interlocked.Increment(ref next)) < count)
            {
                await step(n);
                Interlocked.Increment(ref done);
            }
        });
        return done;
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private interface IDeviceGrain
    {
        Task ActivateAsync();

        Task IngestAsync(DateTimeOffset timestamp);
    }

    private sealed record Meter(IMeterGrain Grain) : IDeviceGrain
    {
        public Task ActivateAsync() => Grain.GetStatus();

        public Task IngestAsync(DateTimeOffset timestamp) => Grain.Ingest([new MeterReading(timestamp, 0.1, 230, null)]);
    }

    private sealed record Vehicle(IVehicleGrain Grain) : IDeviceGrain
    {
        public Task ActivateAsync() => Grain.GetStatus();

        public Task IngestAsync(DateTimeOffset timestamp) => Grain.Ingest([new VehicleReading(timestamp, 50, 0.1, 25)]);
    }
}
