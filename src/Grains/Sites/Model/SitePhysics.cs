using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// Advances a simulated site by one interval: weather → PV and load → self-consumption dispatch →
/// battery, inverter and energy accounting. Pure and allocation-light (the reading, the next state
/// and their pair), so one silo can step thousands of sites every minute.
/// </summary>
public static class SitePhysics
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxInterval = TimeSpan.FromMinutes(60);

    // Sun samples at most this far apart, so an hour-long step still sees sunrise part-way through it.
    private const double SunSampleMinutes = 15.0;

    // Inverters are small and finned: they follow their load within minutes.
    private const double InverterTimeConstantHours = 0.25;

    private const ulong CloudFlickerStream = 0xF11C_0001;

    /// <summary>Steps with <see cref="SyntheticWeather"/> sampled at the interval's midpoint.</summary>
    public static SiteInterval Step(SiteSpec spec, SiteBattery state, DateTimeOffset intervalEnd, TimeSpan interval, bool outage)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var weather = SyntheticWeather.Sample(spec, intervalEnd - (interval / 2));
        return Step(spec, state, intervalEnd, interval, weather, outage);
    }

    public static SiteInterval Step(
        SiteSpec spec, SiteBattery state, DateTimeOffset intervalEnd, TimeSpan interval, WeatherSample weather, bool outage)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(weather);
        if (interval < MinInterval || interval > MaxInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be between 1 and 60 minutes.");
        }

        var hours = interval.TotalHours;
        var (ghi, planeOfArray) = weather.IrradianceWm2 is { } given && double.IsFinite(given)
            ? Transposed(spec, intervalEnd - (interval / 2), Math.Max(0.0, given))
            : DerivedIrradiance(spec, intervalEnd, interval, weather.CloudCoverPercent);
        var pv = PvArray.DcPowerKw(spec.SolarCapacityKw, planeOfArray, weather.TemperatureC);
        var load = Math.Max(0.0, LoadModel.LoadKw(spec, intervalEnd, interval, weather.TemperatureC));

        var nominalKwh = Math.Max(0.0, spec.BatteryCapacityKwh);
        var usableKwh = nominalKwh * state.HealthPercent / 100.0;
        var flows = SelfConsumptionDispatch.Run(
            pv,
            load,
            spec.InverterCapacityKw,
            ChargeLimitKw(spec, state, usableKwh, hours),
            DischargeLimitKw(spec, state, usableKwh, hours, outage),
            outage);

        var chargeKwh = flows.ChargeKw * BatteryPack.ChargeEfficiency * hours;
        var dischargeKwh = flows.DischargeKw / BatteryPack.DischargeEfficiency * hours;
        var batteryLossKwh = (flows.ChargeKw * (1.0 - BatteryPack.ChargeEfficiency) * hours)
            + (flows.DischargeKw * ((1.0 / BatteryPack.DischargeEfficiency) - 1.0) * hours);
        var inverterLossKwh = (flows.InverterDcKw - flows.InverterAcKw) * hours;

        var soc = usableKwh > 0
            ? Math.Clamp(state.Soc + ((chargeKwh - dischargeKwh) / usableKwh * 100.0), 0.0, 100.0)
            : state.Soc;
        var throughput = state.ThroughputKwh + chargeKwh + dischargeKwh;
        var cycles = nominalKwh > 0 ? Math.Max(state.CycleCount, throughput / (2.0 * nominalKwh)) : state.CycleCount;

        var batteryKw = flows.ChargeKw - flows.DischargeKw;
        var (voltage, current) = BatteryPack.Terminal(nominalKwh, soc, batteryKw);
        var batteryTemperature = BatteryPack.NextTemperatureC(nominalKwh, state.TemperatureC, weather.TemperatureC, current, hours);
        var health = BatteryPack.NextHealthPercent(state.HealthPercent, cycles - state.CycleCount, hours, batteryTemperature);

        var inverterSteady = Inverter.SteadyTemperatureC(weather.TemperatureC, flows.InverterAcKw, flows.InverterDcKw, spec.InverterCapacityKw);
        var inverterTemperature = inverterSteady
            + ((state.InverterTemperatureC - inverterSteady) * Math.Exp(-hours / InverterTimeConstantHours));

        var next = new SiteBattery(soc, batteryTemperature, health, cycles, throughput, inverterTemperature, state.CommissionedAt);
        var reading = new IntervalReading
        {
            Timestamp = intervalEnd,
            Interval = interval,
            GridOutage = outage,
            SolarKw = pv,
            LoadKw = load,
            BatteryKw = batteryKw,
            GridImportKw = flows.ImportKw,
            GridExportKw = flows.ExportKw,
            BatterySoc = soc,
            BatteryTemperatureC = batteryTemperature,
            BatteryVoltageV = voltage,
            BatteryHealthPercent = health,
            BatteryCycleCount = cycles,
            InverterAcKw = flows.InverterAcKw,
            InverterDcKw = flows.InverterDcKw,
            InverterEfficiencyPercent = flows.InverterDcKw > 0 ? flows.InverterAcKw / flows.InverterDcKw * 100.0 : 0.0,
            InverterTemperatureC = inverterTemperature,
            WeatherTemperatureC = weather.TemperatureC,
            WeatherIrradianceWm2 = ghi,
            WeatherCloudCoverPercent = weather.CloudCoverPercent,
            WeatherSource = weather.Source,
            SolarKwh = pv * hours,
            LoadKwh = load * hours,
            GridImportKwh = flows.ImportKw * hours,
            GridExportKwh = flows.ExportKw * hours,
            BatteryChargeKwh = chargeKwh,
            BatteryDischargeKwh = dischargeKwh,
            LossesKwh = inverterLossKwh + batteryLossKwh,
            UnservedKwh = flows.UnservedKw * hours,
            CurtailedKwh = flows.CurtailedKw * hours,
        };
        return new SiteInterval(reading, next);
    }

    private static double ChargeLimitKw(SiteSpec spec, SiteBattery state, double usableKwh, double hours)
    {
        var headroomKwh = Math.Max(0.0, (BatteryPack.SocCeilingPercent - state.Soc) / 100.0 * usableKwh);
        var power = Math.Max(0.0, spec.BatteryMaxPowerKw) * BatteryPack.ChargeDerate(state.TemperatureC, state.Soc);
        return Math.Min(power, headroomKwh / (BatteryPack.ChargeEfficiency * hours));
    }

    private static double DischargeLimitKw(SiteSpec spec, SiteBattery state, double usableKwh, double hours, bool outage)
    {
        var floor = outage ? BatteryPack.OutageSocFloorPercent : BatteryPack.SocFloorPercent;
        var availableKwh = Math.Max(0.0, (state.Soc - floor) / 100.0 * usableKwh);
        var power = Math.Max(0.0, spec.BatteryMaxPowerKw) * BatteryPack.DischargeDerate(state.TemperatureC);
        return Math.Min(power, availableKwh * BatteryPack.DischargeEfficiency / hours);
    }

    /// <summary>
    /// Clear-sky GHI averaged over the interval, dimmed by cloud, with deterministic flicker: broken
    /// cloud makes minute-scale swings that overcast or clear skies do not, and longer intervals
    /// average them out. Each sample is transposed to the array's plane, where the sun's angle changes within the interval.
    /// </summary>
    private static (double Ghi, double PlaneOfArray) DerivedIrradiance(SiteSpec spec, DateTimeOffset intervalEnd, TimeSpan interval, double cloudCoverPercent)
    {
        var minutes = interval.TotalMinutes;
        var cloud = Math.Clamp(cloudCoverPercent / 100.0, 0.0, 1.0);
        var variability = 4.0 * cloud * (1.0 - cloud);
        var flicker = 1.0 + (0.3 * variability / Math.Sqrt(minutes)
            * StableRandom.Triangular(spec.Seed, intervalEnd.UtcTicks, CloudFlickerStream));
        var dimming = Math.Max(0.0, Irradiance.CloudFactor(cloudCoverPercent) * flicker);

        var samples = Math.Max(1, (int)Math.Ceiling(minutes / SunSampleMinutes));
        var step = interval / samples;
        var start = intervalEnd - interval;
        var (ghi, plane) = (0.0, 0.0);
        for (var i = 0; i < samples; i++)
        {
            var at = start + (step * (i + 0.5));
            var sun = SolarPosition.Direction(spec.Latitude, spec.Longitude, at);
            var sample = Irradiance.ClearSkyGhi(sun.Up) * dimming;
            ghi += sample;
            plane += PlaneOfArray.Irradiance(sample, sun, spec.Tilt, spec.Azimuth, at.UtcDateTime.DayOfYear);
        }

        return (ghi / samples, plane / samples);
    }

    private static (double Ghi, double PlaneOfArray) Transposed(SiteSpec spec, DateTimeOffset at, double ghi)
    {
        var sun = SolarPosition.Direction(spec.Latitude, spec.Longitude, at);
        return (ghi, PlaneOfArray.Irradiance(ghi, sun, spec.Tilt, spec.Azimuth, at.UtcDateTime.DayOfYear));
    }
}
