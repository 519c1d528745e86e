namespace EnergyActors.Gateway.Contracts;

/// <summary>The window <c>[start, end)</c>, formatted as the reference engine does (…T14:00:00.000Z).</summary>
public sealed record PerformancePeriod(string Start, string End);
