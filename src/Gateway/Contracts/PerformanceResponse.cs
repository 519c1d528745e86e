namespace EnergyActors.Gateway.Contracts;

/// <summary>The reference engine's analytics envelope: <c>{"success": true, "data": {...}}</c>.</summary>
public sealed record PerformanceResponse(bool Success, PerformanceData Data);
