namespace EnergyActors.Simulator.Fleet;

/// <summary>Which DC/AC ratio a vehicle's charging shows, so the fleet holds every analytics verdict.</summary>
internal enum EfficiencyClass
{
    /// <summary>0.88–0.95: HEALTHY.</summary>
    Healthy,

    /// <summary>0.60–0.85: WARNING or CRITICAL (--faulty-share).</summary>
    Faulty,

    /// <summary>1.03–1.15, DC above AC: ANOMALY (--sensor-fault-share).</summary>
    SensorFault,
}
