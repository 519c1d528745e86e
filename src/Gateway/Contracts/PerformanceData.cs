using System.Globalization;
using EnergyActors.Gateway.Analytics;
using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Gateway.Contracts;

/// <summary>One vehicle's rolling 24 h figures, field for field as the reference engine returns them.</summary>
public record PerformanceData(
    string VehicleId,
    PerformancePeriod Period,
    decimal TotalAcConsumed,
    decimal TotalDcDelivered,
    decimal? EfficiencyRatio,
    string? EfficiencyPercent,
    decimal? AvgBatteryTemp,
    ReadingsCount ReadingsCount,
    string HealthStatus)
{
    public static PerformanceData From(VehiclePerformance p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new PerformanceData(
            p.VehicleId,
            new PerformancePeriod(Iso(p.Start), Iso(p.End)),
            Trim(p.TotalAcConsumed),
            Trim(p.TotalDcDelivered),
            p.EfficiencyRatio is { } ratio ? Trim(ratio) : null,
            p.EfficiencyRatio is { } r ? (r * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%" : null,
            p.AvgBatteryTemp is { } t ? Trim(t) : null,
            new ReadingsCount(p.VehicleReadings, p.MeterReadings),
            HealthStatusNames.Name(p.HealthStatus));
    }

    internal static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // decimal keeps its scale (150.500000); the JSON should read 150.5 as the reference's does.
    private static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;
}
