using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Tests.Sites.Model;

public sealed class DispatchTests
{
    [Fact]
    public void Surplus_charges_the_battery_first_then_exports()
    {
        var f = SelfConsumptionDispatch.Run(pvKw: 6, loadKw: 1, inverterKw: 8, chargeLimitKw: 2, dischargeLimitKw: 5, outage: false);

        Assert.Equal(2.0, f.ChargeKw, 12);
        Assert.Equal(0.0, f.DischargeKw);
        Assert.Equal(1.0, f.LoadServedKw, 12);
        Assert.True(f.ExportKw > 2.8 && f.ExportKw < 3.0, $"export {f.ExportKw}");
        Assert.Equal(0.0, f.ImportKw);
        Assert.Equal(0.0, f.CurtailedKw, 12);
    }

    [Fact]
    public void Deficit_draws_on_the_battery_then_the_grid()
    {
        var f = SelfConsumptionDispatch.Run(pvKw: 1, loadKw: 6, inverterKw: 8, chargeLimitKw: 5, dischargeLimitKw: 3, outage: false);

        Assert.Equal(3.0, f.DischargeKw, 12);
        Assert.Equal(0.0, f.ChargeKw);
        Assert.True(f.ImportKw > 2.0 && f.ImportKw < 2.3, $"import {f.ImportKw}");
        Assert.Equal(0.0, f.ExportKw, 12);
    }

    [Fact]
    public void In_an_outage_spare_pv_is_curtailed_and_missing_load_unserved()
    {
        var sunny = SelfConsumptionDispatch.Run(pvKw: 6, loadKw: 1, inverterKw: 8, chargeLimitKw: 0, dischargeLimitKw: 5, outage: true);
        Assert.Equal(0.0, sunny.ExportKw, 12);
        Assert.True(sunny.CurtailedKw > 4.9, $"curtailed {sunny.CurtailedKw}");

        var dark = SelfConsumptionDispatch.Run(pvKw: 0, loadKw: 3, inverterKw: 8, chargeLimitKw: 5, dischargeLimitKw: 1, outage: true);
        Assert.Equal(0.0, dark.ImportKw);
        Assert.Equal(1.0, dark.DischargeKw, 12);
        Assert.True(dark.UnservedKw > 2.0, $"unserved {dark.UnservedKw}");

        var empty = SelfConsumptionDispatch.Run(pvKw: 0, loadKw: 3, inverterKw: 8, chargeLimitKw: 5, dischargeLimitKw: 0, outage: true);
        Assert.Equal(3.0, empty.UnservedKw, 12);
    }

    [Fact]
    public void Load_beyond_the_inverter_rating_comes_from_the_grid()
    {
        var f = SelfConsumptionDispatch.Run(pvKw: 20, loadKw: 12, inverterKw: 10, chargeLimitKw: 3, dischargeLimitKw: 5, outage: false);

        Assert.Equal(10.0, f.InverterAcKw, 12);
        Assert.Equal(2.0, f.ImportKw, 12);
        Assert.Equal(3.0, f.ChargeKw, 12);
        Assert.True(f.CurtailedKw > 6.0, "PV beyond the inverter and the battery is clipped");
    }

    [Fact]
    public void Flows_conserve_power_for_any_inputs()
    {
        // A fixed-seed System.Random is fine here: only the test's input sampling uses it.
        var random = new Random(20260101);
        for (var i = 0; i < 20_000; i++)
        {
            var rated = random.NextDouble() * 50;
            var pv = random.NextDouble() < 0.2 ? 0 : random.NextDouble() * 60;
            var load = random.NextDouble() * 60;
            var chargeLimit = random.NextDouble() < 0.2 ? 0 : random.NextDouble() * 30;
            var dischargeLimit = random.NextDouble() < 0.2 ? 0 : random.NextDouble() * 30;
            var outage = random.NextDouble() < 0.3;

            var f = SelfConsumptionDispatch.Run(pv, load, rated, chargeLimit, dischargeLimit, outage);

            Assert.Equal(pv, f.PvToInverterKw + f.ChargeKw + f.CurtailedKw, 9);
            Assert.Equal(f.InverterDcKw, f.PvToInverterKw + f.DischargeKw, 9);
            Assert.Equal(f.InverterAcKw, f.LoadServedKw + f.ExportKw, 9);
            Assert.Equal(load, f.LoadServedKw + f.ImportKw + f.UnservedKw, 9);
            Assert.True(f.InverterAcKw <= f.InverterDcKw + 1e-12 && f.InverterAcKw <= rated + 1e-9);
            Assert.True(f.ChargeKw <= chargeLimit + 1e-12 && f.DischargeKw <= dischargeLimit + 1e-12);
            Assert.True(f.ChargeKw == 0 || f.DischargeKw == 0);
            Assert.True(f.PvToInverterKw >= 0 && f.CurtailedKw >= 0 && f.ExportKw >= -1e-12 && f.ImportKw >= 0 && f.UnservedKw >= 0);
            if (outage)
            {
                Assert.Equal(0.0, f.ImportKw);
                Assert.Equal(0.0, f.ExportKw, 12);
            }
            else
            {
                Assert.Equal(0.0, f.UnservedKw);
            }
        }
    }
}
