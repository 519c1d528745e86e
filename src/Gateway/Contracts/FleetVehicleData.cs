using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Gateway.Contracts;

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
