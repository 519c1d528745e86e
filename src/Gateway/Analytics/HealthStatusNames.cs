using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Gateway.Analytics;

/// <summary>The contract's spelling of verdicts (HEALTHY, WARNING, CRITICAL, ANOMALY, NO_DATA).</summary>
public static class HealthStatusNames
{
    public static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "HEALTHY",
        HealthStatus.Warning => "WARNING",
        HealthStatus.Critical => "CRITICAL",
        HealthStatus.Anomaly => "ANOMALY",
        _ => "NO_DATA",
    };

    public static bool TryParse(string? name, out HealthStatus status)
    {
        foreach (var candidate in Enum.GetValues<HealthStatus>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
