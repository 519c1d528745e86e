using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Access;

namespace EnergyActors.Grains;

/// <summary>The fleet a vehicle belongs to: bound by its first reading (its own, or a meter's for it) and never changed.</summary>
public sealed partial class VehicleGrain
{
    /// <summary>The fleet whose index shards list this vehicle; only a vehicle that was seen reports, and a seen vehicle has a fleet.</summary>
    internal IFleetIndexGrain FleetIndex => IFleetIndexGrain.Index.ShardFor(GrainFactory, Fleet, VehicleId);

    private string Fleet => _fleet ?? FleetAccess.LegacyFleet;

    public async Task<bool> BelongsTo(string fleetId)
    {
        _fleet ??= FleetAccess.Intern(await owners.Bind(DeviceKind.Vehicle, VehicleId, fleetId));
        return _fleet == fleetId;
    }

    private async ValueTask ClaimForWriteAsync() => _fleet = await FleetAccess.ClaimDeviceAsync(_fleet, DeviceKind.Vehicle, VehicleId, owners);
}
