using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>
/// What a vehicle grain reads on activation, all under one snapshot: its newest reading, its own readings
/// and its attributed AC readings since the window start, whether it was ever seen at all, and the kinds of
/// its alerts that are active, and the fleet it is bound to (null: none).
/// </summary>
public sealed record VehicleHistory(
    VehicleReading? Latest,
    IReadOnlyList<VehicleReading> VehicleReadings,
    IReadOnlyList<MeterEnergy> AcReadings,
    bool EverAttributed,
    IReadOnlyList<string> ActiveAlerts,
    TransactionSnapshot Snapshot,
    string? Fleet);
