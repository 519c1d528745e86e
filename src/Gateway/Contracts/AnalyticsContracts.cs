using System.ComponentModel;
using System.Globalization;
using EnergyActors.Gateway.Analytics;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Mvc;

namespace EnergyActors.Gateway.Contracts;

/// <summary>The reference engine's analytics envelope: <c>{"success": true, "data": {...}}</c>.</summary>
public sealed record PerformanceResponse(bool Success, PerformanceData Data);

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

/// <summary>The window <c>[start, end)</c>, formatted as the reference engine does (…T14:00:00.000Z).</summary>
public sealed record PerformancePeriod(string Start, string End);

/// <summary>Readings counted in the window: the vehicle's own and the meter readings attributed to it.</summary>
public sealed record ReadingsCount(long Vehicle, long Meter);

/// <summary>The query of GET /v1/analytics/fleet: every wrong parameter is named.</summary>
public sealed class FleetParameters
{
    public const int MaxLimit = 1_000;

    [Description("Only vehicles with this healthStatus (HEALTHY, WARNING, CRITICAL, ANOMALY or NO_DATA, in any letter case).")]
    [FromQuery(Name = "status")]
    [HealthStatusName]
    public string? Status { get; init; }

    [Description("At most this many vehicles, worst first, 1 to 1000 (default 100).")]
    [FromQuery(Name = "limit")]
    [WholeNumber(1, MaxLimit)]
    public string? Limit { get; init; }

    public HealthStatus? Filter => HealthStatusNames.TryParse(Status, out var status) ? status : null;

    public int Take => Limit is null ? 100 : int.Parse(Limit, CultureInfo.InvariantCulture);
}

/// <summary>Vehicles per healthStatus and the worst vehicles first, each with the performance fields and their freshness.</summary>
public sealed record FleetResponse(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<FleetVehicleData> Vehicles);

/// <summary>
/// A vehicle in the fleet view: the performance fields, plus when the vehicle reported them and whether
/// it has reported since the fleet index last restarted (<c>refreshed: false</c>: figures the index kept
/// across the restart, true when reported and possibly slid since; the vehicle confirms them soon).
/// </summary>
public sealed record FleetVehicleData : PerformanceData
{
    private FleetVehicleData(PerformanceData performance, bool refreshed, string reportedAt)
        : base(performance)
    {
        Refreshed = refreshed;
        ReportedAt = reportedAt;
    }

    public bool Refreshed { get; }

    public string ReportedAt { get; }

    public static FleetVehicleData Of(FleetEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new FleetVehicleData(From(entry.Performance), entry.Refreshed, Iso(entry.ReportedAt));
    }
}
