namespace EnergyActors.Tests.Analytics;

/// <summary>A generated reading with its exact decimal values; <see cref="Temp"/> is null for AC readings.</summary>
internal sealed record ReferenceReading(DateTimeOffset Timestamp, decimal Kwh, decimal? Temp);
