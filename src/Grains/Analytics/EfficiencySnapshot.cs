using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains.Analytics;

/// <summary>
/// Charging-efficiency figures over exactly the readings with start &lt;= timestamp &lt; end; every field
/// equals the same aggregation run in SQL over history.
/// </summary>
/// <param name="Start">Inclusive UTC start, 24 h before <paramref name="End"/>.</param>
/// <param name="End">Exclusive UTC end: the end of the bucket containing "now".</param>
/// <param name="TotalAcKwh">Sum of AC meter readings attributed to the vehicle.</param>
/// <param name="TotalDcKwh">Sum of the vehicle's own DC readings.</param>
/// <param name="AvgBatteryTemp">Mean battery temperature rounded to 6 decimals away from zero; null without DC readings.</param>
/// <param name="EfficiencyRatio">DC / AC rounded to 4 decimals away from zero; null when the AC total is 0.</param>
/// <param name="VehicleReadings">Count of the vehicle's own DC readings.</param>
/// <param name="MeterReadings">Count of AC meter readings attributed to the vehicle.</param>
/// <param name="HealthStatus">Verdict on the rounded ratio, from <see cref="HealthRules.Judge"/>.</param>
public readonly record struct EfficiencySnapshot(
    DateTimeOffset Start,
    DateTimeOffset End,
    decimal TotalAcKwh,
    decimal TotalDcKwh,
    decimal? AvgBatteryTemp,
    decimal? EfficiencyRatio,
    long VehicleReadings,
    long MeterReadings,
    HealthStatus HealthStatus);
