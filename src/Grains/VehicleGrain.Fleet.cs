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

    /// <summary>A vehicle with history but no binding was seen before fleets existed: it is the legacy fleet's.</summary>
    private static string? RestoredFleet(string? bound, bool seen) =>
        bound is not null ? FleetAccess.Intern(bound) : seen ? FleetAccess.LegacyFleet : null;

    private ValueTask ClaimForWriteAsync() => FleetAccess.MayChange(_fleet) ? ValueTask.CompletedTask : ClaimAsync();

    private async ValueTask ClaimAsync() =>
        _fleet = await FleetAccess.ClaimAsync(_fleet, $"Vehicle '{VehicleId}'", fleet => owners.Bind(DeviceKind.Vehicle, VehicleId, fleet));
}
