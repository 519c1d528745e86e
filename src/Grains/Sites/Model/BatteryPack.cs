namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// Electrical, thermal and ageing characteristics of an LFP pack, sized from its capacity.
/// </summary>
public static class BatteryPack
{
    /// <summary>The lowest SOC normal dispatch discharges to; SOC alerts compare against it.</summary>
    public const double SocFloorPercent = 10.0;

    /// <summary>The highest SOC the battery is charged to, sparing the cells the stress of 100 %.</summary>
    public const double SocCeilingPercent = 95.0;

    /// <summary>During a grid outage the reserve below the floor is released down to this cut-off.</summary>
    public const double OutageSocFloorPercent = 5.0;

    /// <summary>
    /// Charge and discharge efficiency each, √0.90, for 90 % round trip at the battery's DC terminals: NREL's Annual
    /// Technology Baseline takes 85 % AC to AC for LFP storage, which is this with two inverter conversions of about 97 %.
    /// </summary>
    public const double ChargeEfficiency = 0.9486832980505138;

    public const double DischargeEfficiency = 0.9486832980505138;

    /// <summary>LFP cells are 3.2 V nominal.</summary>
    public const double CellNominalVoltage = 3.2;

    // Cell OCV against SOC: steep below 10 % and above 95 %, nearly flat between (LFP's plateau).
    private static readonly double[] OcvSocPoints = [0, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 100];
    private static readonly double[] OcvCellVolts = [2.50, 2.90, 3.10, 3.20, 3.25, 3.27, 3.285, 3.29, 3.30, 3.31, 3.32, 3.34, 3.36, 3.40, 3.55];

    // Pack resistance scales inversely with amp-hours; 1.5 Ω·Ah per 16 series cells includes busbars and contacts.
    private const double ResistanceOhmAhPer16Cells = 1.5;

    // With this, a 1C current lifts the pack ~8 K above its surroundings at steady state.
    private const double ThermalResistanceKPerKwTimesKwh = 273.0;
    private const double ThermalTimeConstantHours = 2.0;

    // LFP cells such as EVE's LF280K are rated for 6,000 cycles (0.5C, 25 °C) to 80 % of their capacity; health is
    // multiplied per step, so the rate is the one that compounds to 0.8 over 6,000 equivalent full cycles. Calendar
    // ageing, 1.5 %/year at 25 °C doubling per 10 K (Arrhenius rule of thumb), is our assumption, not a datasheet's.
    public const double RatedCycles = 6000.0;
    public const double HealthAtRatedCycles = 0.8;
    private static readonly double FadePerEquivalentCycle = -Math.Log(HealthAtRatedCycles) / RatedCycles;
    private const double CalendarFadePerHourAt25C = 0.015 / 8766.0;

    /// <summary>
    /// Series cell count: a 48 V (16s) pack for home-sized batteries, high-voltage strings above,
    /// because 48 V at hundreds of kW would need thousands of amps.
    /// </summary>
    public static int SeriesCells(double capacityKwh) => capacityKwh switch
    {
        <= 30 => 16,
        <= 200 => 128,
        _ => 240,
    };

    public static double NominalVoltage(double capacityKwh) => SeriesCells(capacityKwh) * CellNominalVoltage;

    public static double AmpHours(double capacityKwh) => capacityKwh * 1000.0 / NominalVoltage(capacityKwh);

    public static double ResistanceOhm(double capacityKwh)
    {
        var ah = AmpHours(capacityKwh);
        return ah <= 0 ? 0.0 : ResistanceOhmAhPer16Cells * (SeriesCells(capacityKwh) / 16.0) / ah;
    }

    /// <summary>Open-circuit voltage of the pack at <paramref name="socPercent"/>, piecewise linear between measured points.</summary>
    public static double OpenCircuitVoltage(double capacityKwh, double socPercent)
    {
        var soc = Math.Clamp(socPercent, 0.0, 100.0);
        var i = 1;
        while (i < OcvSocPoints.Length - 1 && OcvSocPoints[i] < soc)
        {
            i++;
        }

        var x0 = OcvSocPoints[i - 1];
        var x1 = OcvSocPoints[i];
        var y0 = OcvCellVolts[i - 1];
        var y1 = OcvCellVolts[i];
        var cell = y0 + ((y1 - y0) * (soc - x0) / (x1 - x0));
        return cell * SeriesCells(capacityKwh);
    }

    /// <summary>
    /// Terminal voltage and current for a terminal power (+ charging): the I·R drop raises the
    /// voltage while charging and sags it while discharging.
    /// </summary>
    public static (double VoltageV, double CurrentA) Terminal(double capacityKwh, double socPercent, double powerKw)
    {
        var ocv = OpenCircuitVoltage(capacityKwh, socPercent);
        var current = ocv <= 0 ? 0.0 : powerKw * 1000.0 / ocv;
        return (ocv + (current * ResistanceOhm(capacityKwh)), current);
    }

    /// <summary>
    /// The fraction of rated charge power the BMS allows: none below 0 °C (lithium plating),
    /// ramping up to 10 °C, derated above 45 °C, and tapered over the last 5 % below the ceiling
    /// (the constant-voltage phase).
    /// </summary>
    public static double ChargeDerate(double temperatureC, double socPercent)
    {
        var cold = Math.Clamp(temperatureC / 10.0, 0.0, 1.0);
        var hot = Math.Clamp((55.0 - temperatureC) / 10.0, 0.0, 1.0);
        var taper = Math.Clamp(0.2 + (0.8 * (SocCeilingPercent - socPercent) / 5.0), 0.2, 1.0);
        return cold * hot * taper;
    }

    /// <summary>Discharge is allowed over a wider range than charge: full from 0 °C, none at −20 °C or 60 °C.</summary>
    public static double DischargeDerate(double temperatureC)
    {
        var cold = Math.Clamp((temperatureC + 20.0) / 20.0, 0.0, 1.0);
        var hot = Math.Clamp((60.0 - temperatureC) / 10.0, 0.0, 1.0);
        return cold * hot;
    }

    /// <summary>
    /// The air around the pack: batteries sit in garages, plant rooms or conditioned containers,
    /// so they see a damped version of the outdoor temperature pulled towards 20 °C.
    /// </summary>
    public static double EnclosureTemperatureC(double outdoorC) => outdoorC + (0.4 * (20.0 - outdoorC));

    /// <summary>Cell temperature after <paramref name="hours"/>: a first-order lag towards enclosure air plus I²R heating.</summary>
    public static double NextTemperatureC(double capacityKwh, double currentC, double outdoorC, double currentA, double hours)
    {
        var heatKw = currentA * currentA * ResistanceOhm(capacityKwh) / 1000.0;
        var steady = EnclosureTemperatureC(outdoorC) + (heatKw * ThermalResistanceKPerKwTimesKwh / Math.Max(capacityKwh, 1e-9));
        var decay = Math.Exp(-hours / ThermalTimeConstantHours);
        return steady + ((currentC - steady) * decay);
    }

    /// <summary>
    /// Health after an interval, multiplicative so it can never go up or reach zero: cycling fade per
    /// equivalent full cycle plus calendar fade that speeds up with temperature.
    /// </summary>
    public static double NextHealthPercent(double healthPercent, double equivalentCycles, double hours, double temperatureC)
    {
        var arrhenius = Math.Pow(2.0, (temperatureC - 25.0) / 10.0);
        var fade = (FadePerEquivalentCycle * equivalentCycles) + (CalendarFadePerHourAt25C * hours * arrhenius);
        return healthPercent * Math.Clamp(1.0 - fade, 0.5, 1.0);
    }
}
