using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Grains.Access;

namespace EnergyActors.Grains;

/// <summary>
/// A vehicle's side of its meter link. The meter's side (its grain state) decides attribution; this side
/// lets the link be shown and removed from the vehicle, and moves a meter away from its previous vehicle.
/// </summary>
public sealed class VehicleLinkGrain(
    TimeProvider time,
    [PersistentState("link", GrainStorage.Name)] IPersistentState<VehicleLinkState> link) : Grain, IVehicleLinkGrain
{
    private string VehicleId => this.GetPrimaryKeyString();

    /// <summary>Both ends must be the calling fleet's (a device of no fleet yet becomes the caller's); nothing changes otherwise.</summary>
    public async Task<MeterLink> LinkMeter(string meterId)
    {
        FleetAccess.DemandWrite(Owner, $"Vehicle '{VehicleId}'");
        var fleet = FleetAccess.OneFleet("link a meter");
        if (!await GrainFactory.GetGrain<IVehicleGrain>(VehicleId).BelongsTo(fleet))
        {
            throw FleetAccessException.OtherFleet($"Vehicle '{VehicleId}'");
        }

        if (link.State.MeterId == meterId)
        {
            return new MeterLink(VehicleId, meterId, link.State.LinkedAt);
        }

        // The new meter first: it refuses (403) before anything changed when it is another fleet's.
        var previousVehicle = await GrainFactory.GetGrain<IMeterGrain>(meterId).LinkTo(VehicleId);
        if (link.State.MeterId is { } current)
        {
            await GrainFactory.GetGrain<IMeterGrain>(current).Unlink(VehicleId);
        }

        if (previousVehicle is not null && previousVehicle != VehicleId)
        {
            await GrainFactory.GetGrain<IVehicleLinkGrain>(previousVehicle).ForgetMeter(meterId);
        }

        link.State.MeterId = meterId;
        link.State.LinkedAt = time.GetUtcNow();
        link.State.Fleet = fleet;
        await link.WriteStateAsync();
        return new MeterLink(VehicleId, meterId, link.State.LinkedAt);
    }

    public async Task<bool> UnlinkMeter()
    {
        if (link.State.MeterId is not { } meterId)
        {
            return false;
        }

        FleetAccess.DemandWrite(Owner, $"Vehicle '{VehicleId}'");
        await GrainFactory.GetGrain<IMeterGrain>(meterId).Unlink(VehicleId);
        link.State.MeterId = null;
        await link.WriteStateAsync();
        return true;
    }

    public Task<MeterLink?> GetMeterLink() =>
        Task.FromResult(link.State.MeterId is { } meterId && FleetAccess.MayRead(Owner) ? new MeterLink(VehicleId, meterId, link.State.LinkedAt) : null);

    private string? Owner => FleetAccess.Restored(link.State.Fleet, link.State.MeterId is not null);

    public async Task ForgetMeter(string meterId)
    {
        if (link.State.MeterId == meterId)
        {
            link.State.MeterId = null;
            await link.WriteStateAsync();
        }
    }
}
