namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// A planned plug-in worked out against the battery: the SOC it starts and ends at, and when charging
/// stops (<see cref="ChargeEnd"/>: full, or unplugged). Power is constant while charging.
/// </summary>
internal sealed record ChargedSession(PlannedSession Plan, double DcKw, double StartSoc, double EndSoc, DateTimeOffset ChargeEnd)
{
    public DateTimeOffset PlugIn => Plan.PlugIn;

    public DateTimeOffset Unplug => Plan.Unplug;

    public double AcKw => Plan.AcKw;

    /// <summary>Hours of charging that fall in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public double ChargingHours(DateTimeOffset from, DateTimeOffset to)
    {
        var start = from > PlugIn ? from : PlugIn;
        var end = to < ChargeEnd ? to : ChargeEnd;
        return end > start ? (end - start).TotalHours : 0;
    }
}
