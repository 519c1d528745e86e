namespace EnergyActors.Grains.Sites;

/// <summary>The simulated battery as stored in grain storage (the model's BatteryState, serializable).</summary>
[GenerateSerializer, Immutable, Alias("ea.SiteBattery")]
public sealed record SiteBattery(
    [property: Id(0)] double Soc,
    [property: Id(1)] double TemperatureC,
    [property: Id(2)] double HealthPercent,
    [property: Id(3)] double CycleCount,
    [property: Id(4)] double ThroughputKwh,
    [property: Id(5)] double InverterTemperatureC,
    [property: Id(6)] DateTimeOffset CommissionedAt);
