using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Backfill;

/// <summary>What stays fixed about a backfilled vehicle and its meter: mostly healthy (0.86–0.95), one in ten lossy (0.65–0.85).</summary>
internal sealed record BackfillProfile(
    int Number, string VehicleId, string MeterId, double AcKw, double Efficiency, double CapacityKwh, double SocPhase, double AmbientC)
{
    private const ulong ProfileStream = 0xBAC4F111_0001;
    private const double LossyShare = 0.1;
    private static readonly double[] ChargerKw = [3.7, 7.4, 11, 22];

    public static BackfillProfile Create(string prefix, long seed, int number)
    {
        var random = StableHash.Stream(seed, ProfileStream, number);
        var acKw = ChargerKw[(int)(random.NextUnit() * ChargerKw.Length)];
        var lossy = random.NextUnit() < LossyShare;
        var healthy = random.NextBetween(0.86, 0.95);
        var faulty = random.NextBetween(0.65, 0.85);
        return new BackfillProfile(
            number, DeviceIds.Vehicle(prefix, number), DeviceIds.Meter(prefix, number), acKw, lossy ? faulty : healthy,
            random.NextBetween(50, 100), random.NextBetween(0, 75), random.NextBetween(20, 30));
    }
}
