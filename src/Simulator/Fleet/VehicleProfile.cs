using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>What stays fixed about one vehicle: its battery, its charging efficiency, its habits and its climate.</summary>
internal sealed record VehicleProfile(int Number, double CapacityKwh, double Efficiency, EfficiencyClass Class, bool Commuter, double AmbientC)
{
    private const double CommuterShare = 0.4;

    public static VehicleProfile Create(long seed, int number, double faultyShare, double sensorFaultShare)
    {
        var random = StableHash.Stream(seed, FleetStreams.Profile, number);

        // Every draw is taken whatever the outcome, so changing a share moves vehicles between classes
        // without changing anything else about them.
        var capacity = Math.Round(random.NextBetween(50, 100), 1);
        var classDraw = random.NextUnit();
        var healthy = random.NextBetween(0.88, 0.95);
        var faulty = AwayFromTheCriticalLine(random.NextBetween(0.60, 0.85));
        var sensor = random.NextBetween(1.03, 1.15);
        var commuter = random.NextUnit() < CommuterShare;
        var ambient = random.NextBetween(8, 24);

        var (efficiency, kind) = classDraw < sensorFaultShare ? (sensor, EfficiencyClass.SensorFault)
            : classDraw < sensorFaultShare + faultyShare ? (faulty, EfficiencyClass.Faulty)
            : (healthy, EfficiencyClass.Healthy);
        return new VehicleProfile(number, capacity, efficiency, kind, commuter, ambient);
    }

    /// <summary>
    /// 0.60–0.70 becomes 0.55–0.66 (CRITICAL, an alert deserved) and 0.70–0.85 becomes 0.74–0.84 (WARNING, none): never
    /// near the 0.70 line, so whether a faulty vehicle deserves an alert is never a matter of a reading's rounding.
    /// </summary>
    private static double AwayFromTheCriticalLine(double draw) =>
        draw < 0.70 ? 0.55 + ((draw - 0.60) * 1.1) : 0.74 + ((draw - 0.70) * (0.10 / 0.15));
}

/// <summary>Which DC/AC ratio a vehicle's charging shows, so the fleet holds every analytics verdict.</summary>
internal enum EfficiencyClass
{
    /// <summary>0.88–0.95: HEALTHY.</summary>
    Healthy,

    /// <summary>0.55–0.66 (CRITICAL) or 0.74–0.84 (WARNING) (--faulty-share).</summary>
    Faulty,

    /// <summary>1.03–1.15, DC above AC: ANOMALY (--sensor-fault-share).</summary>
    SensorFault,
}
