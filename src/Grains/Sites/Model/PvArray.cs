namespace EnergyActors.Grains.Sites.Model;

/// <summary>DC output of the PV array, rated at STC (1000 W/m², 25 °C cell).</summary>
public static class PvArray
{
    /// <summary>Nominal operating cell temperature: the cell at 800 W/m² and 20 °C ambient.</summary>
    public const double NoctC = 45.0;

    /// <summary>Crystalline silicon loses about 0.4 % of power per kelvin above 25 °C.</summary>
    public const double PowerTemperatureCoefficient = -0.004;

    /// <summary>Soiling, wiring, mismatch and module tolerance: the ~10 % a real array loses before the inverter.</summary>
    public const double SystemDerate = 0.90;

    public static double CellTemperatureC(double ambientC, double irradianceWm2) =>
        ambientC + ((NoctC - 20.0) / 800.0 * irradianceWm2);

    public static double DcPowerKw(double capacityKw, double irradianceWm2, double ambientC)
    {
        if (capacityKw <= 0 || irradianceWm2 <= 0)
        {
            return 0.0;
        }

        var cell = CellTemperatureC(ambientC, irradianceWm2);
        var derate = Math.Max(0.0, 1.0 + (PowerTemperatureCoefficient * (cell - 25.0)));
        return capacityKw * (irradianceWm2 / 1000.0) * derate * SystemDerate;
    }
}
