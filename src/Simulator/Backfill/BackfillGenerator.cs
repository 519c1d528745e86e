using EnergyActors.Simulator.Commands;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Backfill;

/// <summary>
/// The reference engine's test data: every vehicle charging continuously from its own meter, one reading a
/// minute from each, the meter reading naming the vehicle so the AC is attributed to it. Index order is
/// vehicle by vehicle, minute by minute, meter then vehicle, so a batch holds long runs of two devices (one
/// grain call each). Values are a function of (seed, vehicle, minute) alone: re-running over an overlapping
/// period sends identical readings, which the gateway counts as duplicates.
/// </summary>
internal sealed class BackfillGenerator
{
    private const ulong MinuteStream = 0xBAC4F111_0002;

    private readonly BackfillOptions _options;
    private readonly BackfillProfile[] _profiles;
    private readonly long _firstMinute;

    public BackfillGenerator(BackfillOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _profiles = [.. Enumerable.Range(1, options.Vehicles).Select(n => BackfillProfile.Create(options.Prefix, options.Seed, n))];
        _firstMinute = options.First.ToUnixTimeSeconds() / 60;
    }

    public Reading Get(long index)
    {
        var perVehicle = _options.MinutesPerDevice * 2;
        var profile = _profiles[index / perVehicle];
        var within = index % perVehicle;
        var minute = _firstMinute + (within / 2);
        var timestamp = DateTimeOffset.FromUnixTimeSeconds(minute * 60);
        var random = StableHash.Stream(_options.Seed, MinuteStream, profile.Number, minute);
        var acKwh = profile.AcKw / 60 * random.NextBetween(0.97, 1.03);
        var voltage = random.NextDouble(225.4, 234.6, 1);
        var temperatureNoise = random.NextBetween(-0.5, 0.5);
        if (within % 2 == 0)
        {
            return new MeterReading(profile.MeterId, timestamp, Math.Round(acKwh, 6), voltage, profile.VehicleId);
        }

        // The SOC cycles 20 → 95 % at the vehicle's mean charging rate: plausible, and a function of the minute alone.
        var percentPerMinute = profile.AcKw * profile.Efficiency / 60 / profile.CapacityKwh * 100;
        var soc = 20 + (((minute * percentPerMinute) + profile.SocPhase) % 75);
        var temperature = profile.AmbientC + (0.25 * profile.AcKw * profile.Efficiency) + temperatureNoise;
        return new VehicleReading(profile.VehicleId, timestamp, Math.Round(soc, 6), Math.Round(acKwh * profile.Efficiency, 6), Math.Round(temperature, 2));
    }
}

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
