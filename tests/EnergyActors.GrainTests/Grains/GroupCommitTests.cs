using EnergyActors.Grains.Abstractions;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Grains;

/// <summary>
/// Many concurrent readings for ONE device must share commits just like readings for many devices:
/// the grain must not turn them into one commit each.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class GroupCommitTests(GrainClusterFixture fixture, ITestOutputHelper output)
{
    private const int Readings = 4_000;
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Concurrent_readings_to_one_vehicle_take_about_as_many_flushes_as_to_many_vehicles()
    {
        var oneVehicle = $"VEH-{Guid.NewGuid():N}";
        var sameDevice = await FlushesDuring(() => Task.WhenAll(Enumerable.Range(0, Readings).Select(i =>
            fixture.Grains.GetGrain<IVehicleGrain>(oneVehicle).Ingest([new VehicleReading(T0.AddSeconds(i), 50, 1, 25)]))));

        var prefix = $"VEH-{Guid.NewGuid():N}"[..20];
        // Activate the many grains first so that both runs measure the same thing: commits.
        await Task.WhenAll(Enumerable.Range(0, Readings).Select(i => fixture.Grains.GetGrain<IVehicleGrain>($"{prefix}-{i}").GetStatus()));
        var manyDevices = await FlushesDuring(() => Task.WhenAll(Enumerable.Range(0, Readings).Select(i =>
            fixture.Grains.GetGrain<IVehicleGrain>($"{prefix}-{i}").Ingest([new VehicleReading(T0, 50, 1, 25)]))));

        output.WriteLine($"{Readings} concurrent readings: {sameDevice.Flushes} flushes for one vehicle, {manyDevices.Flushes} for {Readings} vehicles");
        Assert.All(sameDevice.Results, r => Assert.Equal(new IngestResult(1, 0), r));
        Assert.All(manyDevices.Results, r => Assert.Equal(new IngestResult(1, 0), r));
        Assert.Equal(Readings, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", oneVehicle));
        Assert.True(sameDevice.Flushes < Readings / 10, $"one vehicle took {sameDevice.Flushes} flushes for {Readings} readings");
        Assert.True(sameDevice.Flushes <= (3 * manyDevices.Flushes) + 10, $"one vehicle: {sameDevice.Flushes} flushes; many vehicles: {manyDevices.Flushes}");
    }

    private async Task<(long Flushes, IngestResult[] Results)> FlushesDuring(Func<Task<IngestResult[]>> work)
    {
        var before = fixture.Flushes;
        var results = await work();
        return (fixture.Flushes - before, results);
    }
}
