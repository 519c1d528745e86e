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
        var faulty = random.NextBetween(0.60, 0.85);
        var sensor = random.NextBetween(1.03, 1.15);
        var commuter = random.NextUnit() < CommuterShare;
        var ambient = random.NextBetween(8, 24);

        var (efficiency, kind) = classDraw < sensorFaultShare ? (sensor, EfficiencyClass.SensorFault)
            : classDraw < sensorFaultShare + faultyShare ? (faulty, EfficiencyClass.Faulty)
            : (healthy, EfficiencyClass.Healthy);
        return new VehicleProfile(number, capacity, efficiency, kind, commuter, ambient);
    }
}

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
