namespace EnergyActors.Simulator.Fleet;

/// <summary>The figures of <c>GET /v1/analytics/performance/{id}</c> that verification compares; decimal, as the API sums them.</summary>
internal sealed record PerformanceFigures(string VehicleId, PerformancePeriod Period, decimal TotalAcConsumed, decimal TotalDcDelivered);
