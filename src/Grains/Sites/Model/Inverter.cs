namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// The hybrid inverter between the DC bus (PV and battery) and the AC side. Its loss follows the
/// usual three-term model, loss = P_rated·(a + b·p + c·p²) with p = AC/P_rated: a constant standby
/// draw makes light load inefficient, the quadratic (resistive) term trims the top end, giving
/// about 89 % at 5 % load and a 96.8 % peak near two-thirds load. The model stays invertible in
/// closed form, so the dispatch can go from available DC to AC without iterating.
/// </summary>
public static class Inverter
{
    private const double Standby = 0.005;
    private const double Linear = 0.018;
    private const double Resistive = 0.012;

    /// <summary>DC input needed to deliver <paramref name="acKw"/>; 0 when idle, because an idle inverter sleeps.</summary>
    public static double DcForAc(double acKw, double ratedKw)
    {
        if (acKw <= 0 || ratedKw <= 0)
        {
            return 0.0;
        }

        var p = acKw / ratedKw;
        return acKw + (ratedKw * (Standby + (Linear * p) + (Resistive * p * p)));
    }

    /// <summary>AC delivered from <paramref name="dcKw"/> input, uncapped; 0 when it cannot cover the standby draw.</summary>
    public static double AcForDc(double dcKw, double ratedKw)
    {
        if (ratedKw <= 0)
        {
            return 0.0;
        }

        var surplus = dcKw - (Standby * ratedKw);
        if (surplus <= 0)
        {
            return 0.0;
        }

        // Root of (c/P)·ac² + (1+b)·ac − surplus = 0, written to avoid cancellation.
        const double b = 1.0 + Linear;
        return 2.0 * surplus / (b + Math.Sqrt((b * b) + (4.0 * Resistive / ratedKw * surplus)));
    }

    /// <summary>
    /// The heat-sink temperature the inverter settles at: ambient when asleep, otherwise ambient
    /// plus a rise proportional to its loss, which is what actually heats it.
    /// </summary>
    public static double SteadyTemperatureC(double ambientC, double acKw, double dcKw, double ratedKw)
    {
        if (acKw <= 0 || ratedKw <= 0)
        {
            return ambientC;
        }

        // About 28 K above ambient at full load, where the loss is ~3.5 % of rating.
        var lossFraction = (dcKw - acKw) / ratedKw;
        return ambientC + (800.0 * lossFraction);
    }
}
