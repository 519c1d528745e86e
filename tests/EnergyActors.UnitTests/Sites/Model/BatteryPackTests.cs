using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Tests.Sites.Model;

public sealed class BatteryPackTests
{
    [Fact]
    public void Open_circuit_voltage_rises_with_soc_steeply_at_the_ends_and_flat_in_the_middle()
    {
        const double home = 13.5;
        var previous = 0.0;
        for (var soc = 0.0; soc <= 100.0; soc += 0.5)
        {
            var v = BatteryPack.OpenCircuitVoltage(home, soc);
            Assert.True(v > previous, $"OCV not rising at {soc} %");
            previous = v;
        }

        var bottom = BatteryPack.OpenCircuitVoltage(home, 5) - BatteryPack.OpenCircuitVoltage(home, 0);
        var middle = BatteryPack.OpenCircuitVoltage(home, 55) - BatteryPack.OpenCircuitVoltage(home, 50);
        var top = BatteryPack.OpenCircuitVoltage(home, 100) - BatteryPack.OpenCircuitVoltage(home, 95);
        Assert.True(bottom > 20 * middle && top > 10 * middle, $"bottom {bottom:F2} V, middle {middle:F2} V, top {top:F2} V");

        // A 16s LFP pack sits near 52.6 V on its plateau, i.e. a "48 V" battery.
        Assert.InRange(BatteryPack.OpenCircuitVoltage(home, 50), 51.0, 54.0);
    }

    [Fact]
    public void Current_through_the_internal_resistance_moves_the_terminal_voltage()
    {
        var rest = BatteryPack.Terminal(13.5, 50, 0).VoltageV;
        var charging = BatteryPack.Terminal(13.5, 50, 5);
        var discharging = BatteryPack.Terminal(13.5, 50, -5);

        Assert.True(charging.VoltageV > rest && discharging.VoltageV < rest);
        Assert.True(charging.CurrentA > 90 && discharging.CurrentA < -90);
    }

    [Fact]
    public void Large_batteries_use_high_voltage_strings()
    {
        Assert.Equal(16, BatteryPack.SeriesCells(13.5));
        Assert.InRange(BatteryPack.OpenCircuitVoltage(500, 50), 700.0, 850.0);
    }

    [Fact]
    public void Cold_batteries_do_not_charge_and_full_ones_taper()
    {
        Assert.Equal(0.0, BatteryPack.ChargeDerate(-2, 50));
        Assert.Equal(1.0, BatteryPack.ChargeDerate(25, 50));
        Assert.InRange(BatteryPack.ChargeDerate(25, 94), 0.2, 0.5);
        Assert.Equal(1.0, BatteryPack.DischargeDerate(5));
        Assert.Equal(0.5, BatteryPack.DischargeDerate(-10), 12);
        Assert.Equal(0.0, BatteryPack.DischargeDerate(60));
    }

    [Fact]
    public void Heavy_use_warms_the_pack_and_health_only_fades()
    {
        var idle = BatteryPack.NextTemperatureC(13.5, 20, 20, 0, 24);
        var hard = BatteryPack.NextTemperatureC(13.5, 20, 20, 260, 24);
        Assert.Equal(BatteryPack.EnclosureTemperatureC(20), idle, 6);
        Assert.True(hard > idle + 4, $"1C for a day only warmed the pack to {hard:F1} °C");

        var health = 100.0;
        for (var day = 0; day < 3650; day++)
        {
            var next = BatteryPack.NextHealthPercent(health, 1.0, 24, 25);
            Assert.True(next <= health && next > 0);
            health = next;
        }

        // Ten years of one cycle a day at 25 °C: roughly 12 % cycling plus 14 % calendar fade.
        Assert.InRange(health, 65.0, 85.0);
    }

    [Fact]
    public void Round_trip_and_cycle_fade_match_the_cited_lfp_figures()
    {
        // 90 % at the DC terminals (85 % AC to AC, NREL ATB, less two ~97 % inverter conversions).
        Assert.Equal(0.90, BatteryPack.ChargeEfficiency * BatteryPack.DischargeEfficiency, 12);
        Assert.InRange(0.90 * 0.97 * 0.97, 0.84, 0.86);

        // 6,000 equivalent full cycles at 25 °C in small steps, calendar time aside: 80 % left (EVE LF280K datasheet).
        var health = 100.0;
        for (var step = 0; step < 60_000; step++)
        {
            health = BatteryPack.NextHealthPercent(health, 0.1, 0, 25);
        }

        Assert.Equal(BatteryPack.HealthAtRatedCycles * 100, health, 1);
    }
}
