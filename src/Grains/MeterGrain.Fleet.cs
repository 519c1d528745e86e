using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Access;

namespace EnergyActors.Grains;

/// <summary>
/// The fleet a meter belongs to, and the rule that its readings count only for vehicles of that fleet: a reading
/// attributed to another fleet's vehicle is refused (not stored), so no fleet can change another's figures.
/// </summary>
public sealed partial class MeterGrain
{
    private string? _fleet;

    // The last vehicle found to be in this meter's fleet: a charger's readings name the same vehicle for hours.
    private string? _vehicleInFleet;

    private async ValueTask ClaimForWriteAsync() => _fleet = await FleetAccess.ClaimDeviceAsync(_fleet, DeviceKind.Meter, MeterId, owners);

    /// <summary>
    /// The readings to commit, each one's position in the call (null: all of them, in order), and the refused ones
    /// (null: none). The linked vehicle was judged when the link was made; each other vehicle is asked once.
    /// </summary>
    private async Task<(MeterReading[] Kept, int[]? Positions, List<RejectedReading>? Refused)> WithoutOtherFleetsVehiclesAsync(MeterReading[] readings)
    {
        List<RejectedReading>? refused = null;
        Dictionary<string, bool>? judged = null;
        for (var i = 0; i < readings.Length; i++)
        {
            var vehicleId = readings[i].VehicleId;
            if (vehicleId is null || vehicleId == _vehicleInFleet || vehicleId == link.State.VehicleId)
            {
                continue;
            }

            judged ??= new Dictionary<string, bool>(StringComparer.Ordinal);
            if (!judged.TryGetValue(vehicleId, out var inFleet))
            {
                judged[vehicleId] = inFleet = await GrainFactory.GetGrain<IVehicleGrain>(vehicleId).BelongsTo(_fleet!);
                _vehicleInFleet = inFleet ? vehicleId : _vehicleInFleet;
            }

            if (!inFleet)
            {
                (refused ??= []).Add(new RejectedReading("meter", MeterId, i, "vehicleId", $"Vehicle '{vehicleId}' belongs to another fleet.", Forbidden: true));
            }
        }

        if (refused is null)
        {
            return (readings, null, null);
        }

        var positions = Enumerable.Range(0, readings.Length).Where(i => !refused.Exists(r => r.Index == i)).ToArray();
        return (positions.Select(i => readings[i]).ToArray(), positions, refused);
    }

    /// <summary>The commit's answer for the kept readings, its refusals moved back to their positions in the call, plus the refused ones.</summary>
    private static IngestResult InCallerPositions(IngestResult committed, int[] positions, List<RejectedReading> refused)
    {
        var rejected = committed.Rejected?.Select(r => r with { Index = positions[r.Index] }) ?? [];
        return committed with { Rejected = [.. rejected, .. refused] };
    }
}
