using EnergyActors.Grains.Abstractions;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Grains;

/// <summary>
/// AC energy reaches a vehicle twice over: through the meter's forward after its commit, and through the
/// vehicle's rebuild from history when it activates. It must count once, however the two race.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ChargerEnergyTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task A_forward_that_activates_the_vehicle_counts_its_energy_once()
    {
        var vehicleId = $"VEH-{Guid.NewGuid():N}";
        var meterId = $"MTR-{Guid.NewGuid():N}";
        var t = DateTimeOffset.UtcNow.AddMinutes(-10);

        // The vehicle has never been active: the forward itself activates it, and its rebuild already sees the row.
        await fixture.Grains.GetGrain<IMeterGrain>(meterId).Ingest([new MeterReading(t, 1.25, 230, vehicleId)]);
        var first = await fixture.Grains.GetGrain<IVehicleGrain>(vehicleId).GetPerformance();
        Assert.Equal(1.25m, first!.TotalAcConsumed);
        Assert.Equal(1, first.MeterReadings);

        // Active now: a later reading is counted from the forward alone.
        await fixture.Grains.GetGrain<IMeterGrain>(meterId).Ingest([new MeterReading(t.AddMinutes(1), 0.75, 230, vehicleId)]);
        Assert.Equal(2m, (await fixture.Grains.GetGrain<IVehicleGrain>(vehicleId).GetPerformance())!.TotalAcConsumed);

        // After deactivation the rebuild finds both, and a duplicate sent again counts nowhere.
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var again = await fixture.Grains.GetGrain<IMeterGrain>(meterId).Ingest([new MeterReading(t, 9, 230, vehicleId)]);
        Assert.Equal(new IngestResult(0, 1), again);
        var rebuilt = await fixture.Grains.GetGrain<IVehicleGrain>(vehicleId).GetPerformance();
        Assert.Equal(2m, rebuilt!.TotalAcConsumed);
        Assert.Equal(2, rebuilt.MeterReadings);
        Assert.Equal(HealthStatus.Critical, rebuilt.HealthStatus);
    }

    [Fact]
    public async Task Many_concurrent_meters_charging_one_inactive_vehicle_count_every_reading_once()
    {
        var vehicleId = $"VEH-{Guid.NewGuid():N}";
        var t = DateTimeOffset.UtcNow.AddHours(-3);
        const int Meters = 40;
        const int ReadingsPerMeter = 25;

        await Task.WhenAll(Enumerable.Range(0, Meters).Select(m => Task.Run(async () =>
        {
            var meter = fixture.Grains.GetGrain<IMeterGrain>($"MTR-{vehicleId}-{m}");
            for (var i = 0; i < ReadingsPerMeter; i++)
            {
                await meter.Ingest([new MeterReading(t.AddSeconds((m * ReadingsPerMeter) + i), 0.01, 230, vehicleId)]);
            }
        })));

        var performance = await fixture.Grains.GetGrain<IVehicleGrain>(vehicleId).GetPerformance();
        Assert.Equal(Meters * ReadingsPerMeter, performance!.MeterReadings);
        Assert.Equal(0.01m * Meters * ReadingsPerMeter, performance.TotalAcConsumed);
        Assert.Equal(Meters * ReadingsPerMeter, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE vehicle_id = $1", vehicleId));
    }
}
