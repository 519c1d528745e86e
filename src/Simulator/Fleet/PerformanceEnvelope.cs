namespace EnergyActors.Simulator.Fleet;

/// <summary>The reference analytics envelope <c>{"success": true, "data": {...}}</c>, as far as verification reads it.</summary>
internal sealed record PerformanceEnvelope(bool Success, PerformanceFigures? Data);
