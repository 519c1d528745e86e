namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// A vehicle's rolling 24 h efficiency figures over [Start, End), exact decimals computed incrementally
/// by the vehicle grain; they equal the same aggregation run in SQL over history.
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.VehiclePerformance")]
public sealed record VehiclePerformance(
    [property: Id(0)] string VehicleId,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] DateTimeOffset End,
    [property: Id(3)] decimal TotalAcConsumed,
    [property: Id(4)] decimal TotalDcDelivered,
    [property: Id(5)] decimal? EfficiencyRatio,
    [property: Id(6)] decimal? AvgBatteryTemp,
    [property: Id(7)] long VehicleReadings,
    [property: Id(8)] long MeterReadings,
    [property: Id(9)] HealthStatus HealthStatus);
