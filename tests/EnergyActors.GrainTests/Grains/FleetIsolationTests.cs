using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Grains;

/// <summary>
/// Devices belong to the fleet of their first reading (or link): other fleets neither see nor change them, whichever
/// path they take (single, batch, a meter naming the vehicle, links), and the binding outlives the activation.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class FleetIsolationTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 31, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_vehicle_is_its_first_fleets_and_survives_deactivation_as_such()
    {
        var (a, b, vehicleId) = (NewId("fa"), NewId("fb"), NewId("VEH"));
        FleetScope.Enter(a);
        Assert.Equal(new IngestResult(1, 0), await Vehicle(vehicleId).Ingest([new VehicleReading(T0, 50, 1, 25)]));

        FleetScope.Enter(b);
        var refused = await Assert.ThrowsAsync<FleetAccessException>(() => Vehicle(vehicleId).Ingest([new VehicleReading(T0.AddMinutes(1), 60, 1, 25)]));
        Assert.Equal(FleetAccessFailure.OtherFleet, refused.Failure);
        Assert.Null(await Vehicle(vehicleId).GetStatus());
        Assert.Null(await Vehicle(vehicleId).GetPerformance());

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Null(await Vehicle(vehicleId).GetStatus());
        FleetScope.Enter(FleetScope.AllFleets);
        Assert.Equal(50, (await Vehicle(vehicleId).GetStatus())!.Latest.Soc);
        FleetScope.Enter(a);
        Assert.Equal(50, (await Vehicle(vehicleId).GetStatus())!.Latest.Soc);
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", vehicleId));
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM device_owners WHERE kind = 'vehicle' AND device_id = $1 AND fleet_id = $2", vehicleId, a));
    }

    [Fact]
    public async Task A_meter_reading_naming_another_fleets_vehicle_is_refused_and_the_others_commit()
    {
        var (a, b, vehicleId, meterId) = (NewId("fa"), NewId("fb"), NewId("VEH"), NewId("MTR"));
        FleetScope.Enter(a);
        await Vehicle(vehicleId).Ingest([new VehicleReading(T0, 50, 1, 25)]);

        FleetScope.Enter(b);
        var result = await fixture.Grains.GetGrain<IMeterGrain>(meterId).Ingest(
            [new MeterReading(T0, 5, 230, vehicleId), new MeterReading(T0.AddMinutes(1), 1, 230, null)]);

        Assert.Equal(1, result.Accepted);
        var rejected = Assert.Single(result.Rejected!);
        Assert.Equal((0, "vehicleId", true), (rejected.Index, rejected.Field, rejected.Forbidden));
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1", meterId));
        FleetScope.Enter(a);
        Assert.Equal(0, (await Vehicle(vehicleId).GetPerformance())!.MeterReadings);
    }

    [Fact]
    public async Task A_batch_mixing_fleets_stores_exactly_the_callers_items()
    {
        var (a, b, theirs, ours) = (NewId("fa"), NewId("fb"), NewId("VEH"), NewId("VEH"));
        FleetScope.Enter(a);
        await Vehicle(theirs).Ingest([new VehicleReading(T0, 50, 1, 25)]);

        FleetScope.Enter(b);
        var batch = new ReadingBatch(
            new Dictionary<string, MeterReading[]>(),
            new Dictionary<string, VehicleReading[]>
            {
                [theirs] = [new VehicleReading(T0.AddMinutes(1), 51, 1, 25), new VehicleReading(T0.AddMinutes(2), 52, 1, 25)],
                [ours] = [new VehicleReading(T0, 70, 1, 25)],
            },
            new Dictionary<string, SiteReading[]>());
        var result = await fixture.Grains.GetGrain<IIngestRouterGrain>(0).Ingest(batch);

        Assert.Equal(1, result.Accepted);
        Assert.Equal(2, result.RejectedCount);
        Assert.All(result.Rejected!, r => Assert.Equal((theirs, "deviceId", true), (r.DeviceId, r.Field, r.Forbidden)));
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", theirs));
    }

    [Fact]
    public async Task An_admin_for_every_fleet_reads_all_but_binds_no_new_device()
    {
        FleetScope.Enter(FleetScope.AllFleets);
        var refused = await Assert.ThrowsAsync<FleetAccessException>(() => Vehicle(NewId("VEH")).Ingest([new VehicleReading(T0, 50, 1, 25)]));
        Assert.Equal(FleetAccessFailure.FleetRequired, refused.Failure);
        await Assert.ThrowsAsync<FleetAccessException>(() => fixture.Grains.GetGrain<IFleetQueryGrain>(0).Query(null, 10));
    }

    [Fact]
    public async Task Links_join_devices_of_one_fleet_only()
    {
        var (a, b, vehicleId, meterId, otherVehicle) = (NewId("fa"), NewId("fb"), NewId("VEH"), NewId("MTR"), NewId("VEH"));
        FleetScope.Enter(a);
        await Link(vehicleId).LinkMeter(meterId);

        FleetScope.Enter(b);
        Assert.Null(await Link(vehicleId).GetMeterLink());
        await Assert.ThrowsAsync<FleetAccessException>(() => Link(vehicleId).UnlinkMeter());
        await Assert.ThrowsAsync<FleetAccessException>(() => Link(otherVehicle).LinkMeter(meterId));
        Assert.Null(await Link(otherVehicle).GetMeterLink());

        FleetScope.Enter(a);
        Assert.Equal(meterId, (await Link(vehicleId).GetMeterLink())!.MeterId);
    }

    [Fact]
    public async Task Each_fleet_sees_only_its_own_vehicles_in_its_fleet_view()
    {
        var (a, b, vehicleId) = (NewId("fa"), NewId("fb"), NewId("VEH"));
        FleetScope.Enter(a);
        await Vehicle(vehicleId).Ingest([new VehicleReading(DateTimeOffset.UtcNow.AddMinutes(-5), 50, 1, 25)]);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await FleetView()).Any(e => e.Performance.VehicleId == vehicleId))
        {
            Assert.True(DateTime.UtcNow < deadline, "The vehicle never appeared in its fleet's view.");
            await Task.Delay(50);
        }

        FleetScope.Enter(b);
        Assert.DoesNotContain(await FleetView(), e => e.Performance.VehicleId == vehicleId);
    }

    private async Task<IReadOnlyList<FleetEntry>> FleetView() => (await fixture.Grains.GetGrain<IFleetQueryGrain>(0).Query(null, 1000)).Worst;

    private IVehicleGrain Vehicle(string id) => fixture.Grains.GetGrain<IVehicleGrain>(id);

    private IVehicleLinkGrain Link(string vehicleId) => fixture.Grains.GetGrain<IVehicleLinkGrain>(vehicleId);

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
