namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// Self-consumption control of a DC-coupled hybrid system: PV serves the load first, its surplus
/// charges the battery, then is exported; a deficit is drawn from the battery, then the grid.
/// The battery never charges from or discharges to the grid. In an outage nothing crosses the grid
/// connection: surplus PV that the battery cannot take is curtailed and the uncovered load is unserved.
/// </summary>
public static class SelfConsumptionDispatch
{
    /// <param name="pvKw">Available PV DC power.</param>
    /// <param name="loadKw">AC demand.</param>
    /// <param name="inverterKw">The inverter's AC rating.</param>
    /// <param name="chargeLimitKw">The most the battery may take at its terminals this interval (power, SOC and temperature limits applied).</param>
    /// <param name="dischargeLimitKw">The most the battery may give at its terminals this interval.</param>
    /// <param name="outage">The grid is down: no import or export.</param>
    public static PowerFlows Run(double pvKw, double loadKw, double inverterKw, double chargeLimitKw, double dischargeLimitKw, bool outage)
    {
        var pv = Math.Max(0.0, pvKw);
        var load = Math.Max(0.0, loadKw);
        var chargeLimit = Math.Max(0.0, chargeLimitKw);
        var dischargeLimit = Math.Max(0.0, dischargeLimitKw);
        var rated = Math.Max(0.0, inverterKw);

        // Load beyond the inverter's rating can only come from the grid.
        var acTarget = Math.Min(load, rated);
        var dcForTarget = Inverter.DcForAc(acTarget, rated);

        return pv >= dcForTarget
            ? Surplus(pv, load, rated, acTarget, dcForTarget, chargeLimit, outage)
            : Deficit(pv, load, rated, acTarget, dcForTarget, chargeLimit, dischargeLimit, outage);
    }

    private static PowerFlows Surplus(double pv, double load, double rated, double acTarget, double dcForTarget, double chargeLimit, bool outage)
    {
        var surplus = pv - dcForTarget;
        var charge = Math.Min(surplus, chargeLimit);
        var spare = surplus - charge;
        var dcIn = dcForTarget;
        var ac = acTarget;

        if (!outage && spare > 0 && acTarget < rated)
        {
            var dcCandidate = Math.Min(dcForTarget + spare, Inverter.DcForAc(rated, rated));
            var acCandidate = Math.Min(rated, Inverter.AcForDc(dcCandidate, rated));

            // A sliver of spare PV that cannot lift the output above the standby draw stays unharvested.
            if (acCandidate > acTarget)
            {
                dcIn = dcCandidate;
                ac = acCandidate;
            }
        }

        return Settle(pv, load, pvToInverter: dcIn, ac, acTarget, charge, discharge: 0.0, outage);
    }

    private static PowerFlows Deficit(
        double pv, double load, double rated, double acTarget, double dcForTarget, double chargeLimit, double dischargeLimit, bool outage)
    {
        var need = dcForTarget - pv;
        var discharge = Math.Min(need, dischargeLimit);
        var dcIn = pv + discharge;
        var ac = discharge >= need ? acTarget : Math.Min(acTarget, Inverter.AcForDc(dcIn, rated));

        if (ac > 0)
        {
            return Settle(pv, load, pvToInverter: pv, ac, loadServed: ac, charge: 0.0, discharge, outage);
        }

        // Too little DC to wake the inverter (dawn, dusk): the battery keeps what PV it can take.
        var charge = Math.Min(pv, chargeLimit);
        return Settle(pv, load, pvToInverter: 0.0, ac: 0.0, loadServed: 0.0, charge, discharge: 0.0, outage);
    }

    private static PowerFlows Settle(
        double pv, double load, double pvToInverter, double ac, double loadServed, double charge, double discharge, bool outage)
    {
        var dcIn = pvToInverter + discharge;
        var curtailed = Math.Max(0.0, pv - pvToInverter - charge);
        var export = ac - loadServed;
        var shortfall = Math.Max(0.0, load - loadServed);
        return new PowerFlows(
            pvToInverter,
            charge,
            discharge,
            dcIn,
            ac,
            loadServed,
            export,
            outage ? 0.0 : shortfall,
            outage ? shortfall : 0.0,
            curtailed);
    }
}
