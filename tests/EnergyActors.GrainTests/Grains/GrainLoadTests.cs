using EnergyActors.Grains.Abstractions;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Grains;

/// <summary>
/// Load through grains and the real history writer, sized for CI: many concurrent writers per grain and
/// across grains, each reading sent more than once. Asserts correctness, not speed: nothing lost, nothing
/// counted twice, in history, in status and in the vehicles' efficiency windows.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class GrainLoadTests(GrainClusterFixture fixture)
{
    private const int Vehicles = 40;
    private const int ReadingsPerVehicle = 150;
    private const int WritersPerVehicle = 6;

    [Fact]
    public async Task Concurrent_writers_with_retries_lose_nothing_and_count_nothing_twice()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var t0 = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddHours(-5);
        var results = new System.Collections.Concurrent.ConcurrentBag<IngestResult>();

        // Every reading is sent by two different writers (a client retry racing the original), each
        // vehicle by several writers at once, meter readings attributed to the vehicle in between.
        await Task.WhenAll(Enumerable.Range(0, Vehicles).SelectMany(v => Enumerable.Range(0, WritersPerVehicle).Select(w => Task.Run(async () =>
        {
            var vehicle = fixture.Grains.GetGrain<IVehicleGrain>($"LOAD-V-{run}-{v}");
            var meter = fixture.Grains.GetGrain<IMeterGrain>($"LOAD-M-{run}-{v}");
            for (var i = w % (WritersPerVehicle / 2); i < ReadingsPerVehicle; i += WritersPerVehicle / 2)
            {
                var at = t0.AddMinutes(i);
                results.Add(await vehicle.Ingest([new VehicleReading(at, 50, 0.09, 30)]));
                results.Add(await meter.Ingest([new MeterReading(at, 0.1, 230, $"LOAD-V-{run}-{v}")]));
            }
        }))));

        var total = results.Aggregate(default(IngestResult), (a, b) => a + b);
        Assert.Equal(2 * Vehicles * ReadingsPerVehicle, total.Accepted);
        Assert.Equal(2 * Vehicles * ReadingsPerVehicle, total.Duplicates);
        Assert.Equal(Vehicles * ReadingsPerVehicle, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id LIKE $1", $"LOAD-V-{run}-%"));
        Assert.Equal(Vehicles * ReadingsPerVehicle, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id LIKE $1", $"LOAD-M-{run}-%"));

        for (var v = 0; v < Vehicles; v++)
        {
            var vehicle = fixture.Grains.GetGrain<IVehicleGrain>($"LOAD-V-{run}-{v}");
            var performance = await vehicle.GetPerformance();
            Assert.Equal(ReadingsPerVehicle, performance!.VehicleReadings);
            Assert.Equal(ReadingsPerVehicle, performance.MeterReadings);
            Assert.Equal(0.1m * ReadingsPerVehicle, performance.TotalAcConsumed);
            Assert.Equal(0.09m * ReadingsPerVehicle, performance.TotalDcDelivered);
            Assert.Equal(0.9m, performance.EfficiencyRatio);
            Assert.Equal(t0.AddMinutes(ReadingsPerVehicle - 1), (await vehicle.GetStatus())!.Latest.Timestamp);
        }
    }
}
