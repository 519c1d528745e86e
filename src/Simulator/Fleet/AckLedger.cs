using System.Collections.Frozen;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// Books the acknowledged readings of the vehicles <c>--verify</c> checks. A reading counts as
/// acknowledged when its request got a 200 and it is not among the batch items the gateway rejected:
/// accepted and duplicate alike, since a duplicate of the same (device, timestamp) has the same values.
/// </summary>
internal sealed class AckLedger
{
    private readonly FrozenDictionary<string, VehicleLedger> _vehicles;

    public AckLedger(IEnumerable<string> vehicleIds)
    {
        _vehicles = vehicleIds.ToFrozenDictionary(id => id, _ => new VehicleLedger(), StringComparer.Ordinal);
    }

    public IEnumerable<KeyValuePair<string, VehicleLedger>> Vehicles => _vehicles;

    public void Acknowledge(IReadOnlyList<Reading> readings, IngestResponse answer)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(answer);
        var rejected = answer.Rejected > 0 && answer.Errors is { } errors ? errors.Select(e => e.Index).ToHashSet() : null;
        for (var i = 0; i < readings.Count; i++)
        {
            if (rejected?.Contains(i) == true)
            {
                continue;
            }

            switch (readings[i])
            {
                case VehicleReading vehicle when _vehicles.TryGetValue(vehicle.DeviceId, out var ledger):
                    ledger.AddVehicle(vehicle.Timestamp, vehicle.KwhDeliveredDc);
                    break;
                case MeterReading { VehicleId: { } vehicleId } meter when _vehicles.TryGetValue(vehicleId, out var ledger):
                    ledger.AddMeter(meter.Timestamp, meter.KwhConsumedAc);
                    break;
            }
        }
    }
}
