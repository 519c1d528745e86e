namespace EnergyActors.Grains.Abstractions;

/// <summary>A vehicle's charging-efficiency verdict over its rolling 24 h window (the contract's healthStatus).</summary>
[GenerateSerializer, Alias("ea.HealthStatus")]
public enum HealthStatus
{
    NoData = 0,
    Healthy = 1,
    Warning = 2,
    Critical = 3,
    Anomaly = 4,
}
