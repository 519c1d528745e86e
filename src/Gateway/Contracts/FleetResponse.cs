namespace EnergyActors.Gateway.Contracts;

/// <summary>Vehicles per healthStatus and the worst vehicles first, each with the performance fields and their freshness.</summary>
public sealed record FleetResponse(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<FleetVehicleData> Vehicles);
