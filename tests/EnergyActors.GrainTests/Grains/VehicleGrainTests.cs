using EnergyActors.Grains.Abstractions;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class VehicleGrainTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 31, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Readings_are_stored_and_status_shows_the_newest()
    {
        var vehicleId = NewId();
        var result = await Vehicle(vehicleId).Ingest(
        [
            new VehicleReading(T0.AddMinutes(1), 76, 1.2, 31),
            new VehicleReading(T0, 75, 1.1, 30),
        ]);

        Assert.Equal(new IngestResult(2, 0), result);
        var status = await Vehicle(vehicleId).GetStatus();
        Assert.Equal(T0.AddMinutes(1), status!.Latest.Timestamp);
        Assert.Equal(76, status.Latest.Soc);
        Assert.Equal(2, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", vehicleId));
    }

    [Fact]
    public async Task A_meter_and_a_vehicle_may_share_an_id_without_sharing_history()
    {
        var id = NewId();
        await fixture.Grains.GetGrain<IMeterGrain>(id).Ingest([new MeterReading(T0, 1, 230, null)]);
        var vehicle = await Vehicle(id).Ingest([new VehicleReading(T0, 50, 1, 25)]);

        Assert.Equal(new IngestResult(1, 0), vehicle);
    }

    [Fact]
    public async Task Status_is_restored_from_history_when_the_grain_activates_again()
    {
        var vehicleId = NewId();
        await Vehicle(vehicleId).Ingest([new VehicleReading(T0.AddHours(1), 80, 2, 35), new VehicleReading(T0, 60, 1, 30)]);
        // A newer row the live activation never saw: only a restore from history can show it.
        await fixture.Database.ScalarAsync(
            "INSERT INTO vehicle_readings (vehicle_id, ts, soc, kwh_delivered_dc, battery_temp) VALUES ($1, $2, 90, 3, 36) RETURNING 1",
            vehicleId,
            T0.AddHours(2).UtcDateTime);
        Assert.Equal(80, (await Vehicle(vehicleId).GetStatus())!.Latest.Soc);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        var status = await Vehicle(vehicleId).GetStatus();
        Assert.Equal(T0.AddHours(2), status!.Latest.Timestamp);
        Assert.Equal(90, status.Latest.Soc);
    }

    private IVehicleGrain Vehicle(string id) => fixture.Grains.GetGrain<IVehicleGrain>(id);

    private static string NewId() => $"VEH-{Guid.NewGuid():N}";
}
