using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Tests.Sites.Model;

public sealed class LongRunSimulationTests
{
    private const double BalanceTolerance = 1e-9;
    private const double SocTolerance = 1e-9;

    private static readonly DateTimeOffset YearStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Sites => new() { "residential", "commercial", "industrial" };

    [Theory]
    [MemberData(nameof(Sites))]
    public void A_year_at_15_minutes_keeps_every_invariant(string site)
    {
        var spec = SpecFor(site);

        // Two multi-day winter outages (long nights empty the battery) and a summer one (PV to spare).
        var rows = TestSites.Run(spec, YearStart, YearStart.AddYears(1), TimeSpan.FromMinutes(15), YearOutage);

        Assert.Equal(365 * 96, rows.Count);
        AssertInvariants(spec, rows);
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public void A_week_at_1_minute_keeps_every_invariant(string site)
    {
        var spec = SpecFor(site);
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var outageStart = start.AddDays(2).AddHours(10);
        var outageEnd = outageStart.AddHours(44);

        var rows = TestSites.Run(spec, start, start.AddDays(7), TimeSpan.FromMinutes(1), t => t > outageStart && t <= outageEnd);

        Assert.Equal(7 * 1440, rows.Count);
        AssertInvariants(spec, rows);
    }

    [Fact]
    public void A_summer_outage_curtails_the_pv_the_full_battery_cannot_take()
    {
        var spec = TestSites.Residential();
        var rows = TestSites.Run(spec, YearStart, new DateTimeOffset(2026, 7, 20, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(15), YearOutage);

        var summerOutage = rows.Where(r => r.Reading.GridOutage && r.Reading.Timestamp.Month == 7).ToList();
        Assert.NotEmpty(summerOutage);
        Assert.True(summerOutage.Sum(r => r.Reading.CurtailedKwh) > 1.0, "a sunny outage with a full battery should curtail PV");
        Assert.Contains(summerOutage, r => r.Reading.BatterySoc >= BatteryPack.SocCeilingPercent - 0.5);
    }

    [Fact]
    public void Outside_outages_the_battery_stays_in_its_window_and_nothing_is_unserved()
    {
        var spec = TestSites.Commercial();
        var rows = TestSites.Run(spec, YearStart, YearStart.AddDays(60), TimeSpan.FromMinutes(5));

        Assert.All(rows, r =>
        {
            Assert.InRange(r.Reading.BatterySoc, BatteryPack.SocFloorPercent - SocTolerance, BatteryPack.SocCeilingPercent + SocTolerance);
            Assert.Equal(0.0, r.Reading.UnservedKwh);
        });
        Assert.Contains(rows, r => r.Reading.BatteryDischargeKwh > 0);
        Assert.Contains(rows, r => r.Reading.BatteryChargeKwh > 0);
    }

    [Fact]
    public void Hour_long_intervals_balance_and_odd_lengths_are_rejected()
    {
        var spec = TestSites.Residential();
        var rows = TestSites.Run(spec, YearStart.AddMonths(5), YearStart.AddMonths(6), TimeSpan.FromHours(1), t => t.Day == 10);

        Assert.All(rows, r => Assert.True(Math.Abs(r.Reading.BalanceResidualKwh) <= BalanceTolerance));
        Assert.Contains(rows, r => r.Reading.SolarKw > 0 && r.Reading.BatteryChargeKwh > 0);

        var state = SiteBattery.Initial(spec, YearStart);
        Assert.Throws<ArgumentOutOfRangeException>(() => SitePhysics.Step(spec, state, YearStart, TimeSpan.FromSeconds(30), outage: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => SitePhysics.Step(spec, state, YearStart, TimeSpan.FromMinutes(61), outage: false));
    }

    private static bool YearOutage(DateTimeOffset t) =>
        InWindow(t, new DateTimeOffset(2026, 1, 20, 14, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(48))
        || InWindow(t, new DateTimeOffset(2026, 7, 4, 6, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(30))
        || InWindow(t, new DateTimeOffset(2026, 11, 10, 16, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(36));

    private static bool InWindow(DateTimeOffset intervalEnd, DateTimeOffset start, TimeSpan length) =>
        intervalEnd > start && intervalEnd <= start + length;

    private static SiteSpec SpecFor(string site) => site switch
    {
        "commercial" => TestSites.Commercial(),
        "industrial" => TestSites.Industrial(),
        _ => TestSites.Residential(),
    };

    private static void AssertInvariants(SiteSpec spec, List<(IntervalReading Reading, SiteBattery Before)> rows)
    {
        var unservedWhenEmptyAtNight = false;
        var outageIntervals = 0;
        var previousCycles = 0.0;
        var previousHealth = 100.0;

        foreach (var (r, before) in rows)
        {
            var at = r.Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(r.BalanceResidualKwh) <= BalanceTolerance, $"{at}: energy balance off by {r.BalanceResidualKwh:E3} kWh");
            Assert.True(
                Math.Abs(r.SolarKwh + r.GridImportKwh + r.BatteryDischargeKwh
                    - (r.LoadKwh - r.UnservedKwh + r.GridExportKwh + r.BatteryChargeKwh + r.LossesKwh + r.CurtailedKwh)) <= BalanceTolerance,
                $"{at}: energy balance does not close");
            AssertNonNegative(r, at);

            Assert.InRange(r.BatterySoc, 0.0, 100.0);
            Assert.True(r.BatterySoc <= BatteryPack.SocCeilingPercent + SocTolerance, $"{at}: SOC {r.BatterySoc} above the ceiling");
            Assert.True(r.BatteryCycleCount >= previousCycles, $"{at}: cycle count went down");
            Assert.True(r.BatteryHealthPercent <= previousHealth, $"{at}: health went up");
            Assert.True(r.BatteryHealthPercent is > 0 and <= 100, $"{at}: health {r.BatteryHealthPercent} out of range");
            Assert.True(r.BatteryKw <= spec.BatteryMaxPowerKw + 1e-9 && r.BatteryKw >= -spec.BatteryMaxPowerKw - 1e-9, $"{at}: battery power beyond its rating");
            Assert.True(r.InverterAcKw <= spec.InverterCapacityKw + 1e-9, $"{at}: inverter beyond its rating");
            previousCycles = r.BatteryCycleCount;
            previousHealth = r.BatteryHealthPercent;

            if (TestSites.SunDownThroughout(spec, r))
            {
                Assert.Equal(0.0, r.SolarKw);
            }

            if (r.GridOutage)
            {
                outageIntervals++;
                Assert.Equal(0.0, r.GridImportKwh);
                Assert.Equal(0.0, r.GridExportKwh);
                Assert.Equal(0.0, r.GridImportKw);
                Assert.Equal(0.0, r.GridExportKw);
                Assert.True(r.BatterySoc >= BatteryPack.OutageSocFloorPercent - SocTolerance, $"{at}: SOC below the outage cut-off");
                // "Empty": at the outage cut-off, give or take the trickle of dusk PV it may have taken.
                if (r.UnservedKwh > 0 && r.SolarKw == 0 && before.Soc <= BatteryPack.OutageSocFloorPercent + 0.5)
                {
                    unservedWhenEmptyAtNight = true;
                }
            }
            else
            {
                Assert.Equal(0.0, r.UnservedKwh);

                // Dispatch never takes the battery below its floor; after an outage it may start
                // below, and then it only recharges.
                if (before.Soc >= BatteryPack.SocFloorPercent)
                {
                    Assert.True(r.BatterySoc >= BatteryPack.SocFloorPercent - SocTolerance, $"{at}: SOC {r.BatterySoc} below the floor");
                }
                else
                {
                    Assert.Equal(0.0, r.BatteryDischargeKwh);
                }
            }
        }

        Assert.True(outageIntervals > 0, "no outage was simulated");
        Assert.True(unservedWhenEmptyAtNight, "an outage night never ran the battery empty and left load unserved");
    }

    private static void AssertNonNegative(IntervalReading r, string at)
    {
        var values = new[]
        {
            r.SolarKwh, r.LoadKwh, r.GridImportKwh, r.GridExportKwh, r.BatteryChargeKwh,
            r.BatteryDischargeKwh, r.LossesKwh, r.UnservedKwh, r.CurtailedKwh,
            r.SolarKw, r.LoadKw, r.GridImportKw, r.GridExportKw, r.InverterAcKw, r.InverterDcKw,
        };
        foreach (var value in values)
        {
            Assert.True(value >= 0 && double.IsFinite(value), $"{at}: negative or non-finite flow {value}");
        }

        Assert.True(r.BatteryChargeKwh == 0 || r.BatteryDischargeKwh == 0, $"{at}: charging and discharging at once");
        Assert.InRange(r.InverterEfficiencyPercent, 0.0, 100.0);
    }
}
