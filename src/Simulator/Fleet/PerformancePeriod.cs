namespace EnergyActors.Simulator.Fleet;

/// <summary>The analytics window [start, end).</summary>
internal sealed record PerformancePeriod(DateTimeOffset Start, DateTimeOffset End);
