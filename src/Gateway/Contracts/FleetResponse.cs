namespace EnergyActors.Gateway.Contracts;

/// <summary>Vehicles per healthStatus and the worst vehicles first, each with the performance fields.</summary>
public sealed record FleetResponse(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<PerformanceData> Vehicles);
