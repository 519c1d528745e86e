namespace EnergyActors.Grains.Abstractions;

/// <summary>One hour of a vehicle's history: AC energy its meters attributed to it, DC energy it delivered, mean battery temperature and last SOC.</summary>
[GenerateSerializer, Immutable, Alias("ea.VehicleHour")]
public sealed record VehicleHour(
    [property: Id(0)] DateTimeOffset Hour,
    [property: Id(1)] double AcKwh,
    [property: Id(2)] double DcKwh,
    [property: Id(3)] double? AvgBatteryTemp,
    [property: Id(4)] double? LastSoc);
