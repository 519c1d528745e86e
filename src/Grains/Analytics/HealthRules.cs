using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains.Analytics;

/// <summary>
/// The one place the efficiency verdict is decided, so the live window, history queries and the API
/// cannot drift apart.
/// </summary>
public static class HealthRules
{
    public const decimal HealthyThreshold = 0.85m;
    public const decimal WarningThreshold = 0.70m;
    public const decimal AnomalyThreshold = 1.0m;

    /// <summary>
    /// Judges a ratio that is already rounded to the 4 decimals shown to users, so that a displayed
    /// 0.8500 is never called a warning. A null ratio means no AC energy was measured.
    /// </summary>
    public static HealthStatus Judge(decimal? ratio) => ratio switch
    {
        null => HealthStatus.NoData,
        > AnomalyThreshold => HealthStatus.Anomaly,
        >= HealthyThreshold => HealthStatus.Healthy,
        >= WarningThreshold => HealthStatus.Warning,
        _ => HealthStatus.Critical,
    };
}
