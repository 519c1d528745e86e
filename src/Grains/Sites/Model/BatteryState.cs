namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// What a site carries from one interval to the next. SOC is a percentage of the faded capacity
/// (nominal × health), as a BMS reports it.
/// </summary>
/// <param name="Soc">State of charge, percent.</param>
/// <param name="TemperatureC">Cell temperature.</param>
/// <param name="HealthPercent">Remaining capacity as a percentage of nominal; it never rises.</param>
/// <param name="CycleCount">Equivalent full cycles, ThroughputKwh / (2 × nominal capacity); it never falls.</param>
/// <param name="ThroughputKwh">Energy stored plus energy drawn, ever; it only grows.</param>
/// <param name="InverterTemperatureC">Heat-sink temperature; it lags the inverter's load by minutes.</param>
/// <param name="CommissionedAt">When the installation started, for reporting its age.</param>
public sealed record BatteryState(
    double Soc,
    double TemperatureC,
    double HealthPercent,
    double CycleCount,
    double ThroughputKwh,
    double InverterTemperatureC,
    DateTimeOffset CommissionedAt)
{
    public const double InitialSocPercent = 50.0;

    /// <summary>A new installation: half charged, unaged, at the season's typical temperature for the site.</summary>
    public static BatteryState Initial(SiteSpec spec, DateTimeOffset commissionedAt)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var ambient = SyntheticWeather.ClimateTemperatureC(spec.Latitude, commissionedAt);
        return new BatteryState(
            InitialSocPercent,
            BatteryPack.EnclosureTemperatureC(ambient),
            100.0,
            0.0,
            0.0,
            ambient,
            commissionedAt);
    }
}
