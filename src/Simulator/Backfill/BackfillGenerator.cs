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
