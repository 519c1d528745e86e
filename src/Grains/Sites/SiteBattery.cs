using EnergyActors.Grains.Sites.Model;

namespace EnergyActors.Grains.Sites;

/// <summary>
/// What a site's battery carries from one interval to the next: the model steps it, the site grain stores it. SOC is
/// a percentage of the faded capacity (nominal × health), as a BMS reports it.
/// </summary>
/// <remarks>
/// Grain storage writes it as JSON that names this type, so its name, namespace and properties are part of every
/// stored site; an instance property added here would be stored too.
/// </remarks>
/// <param name="Soc">State of charge, percent.</param>
/// <param name="TemperatureC">Cell temperature.</param>
/// <param name="HealthPercent">Remaining capacity as a percentage of nominal; it never rises.</param>
/// <param name="CycleCount">Equivalent full cycles, ThroughputKwh / (2 × nominal capacity); it never falls.</param>
/// <param name="ThroughputKwh">Energy stored plus energy drawn, ever; it only grows.</param>
/// <param name="InverterTemperatureC">Heat-sink temperature; it lags the inverter's load by minutes.</param>
/// <param name="CommissionedAt">When the installation started, for reporting its age.</param>
[GenerateSerializer, Immutable, Alias("ea.SiteBattery")]
public sealed record SiteBattery(
    [property: Id(0)] double Soc,
    [property: Id(1)] double TemperatureC,
    [property: Id(2)] double HealthPercent,
    [property: Id(3)] double CycleCount,
    [property: Id(4)] double ThroughputKwh,
    [property: Id(5)] double InverterTemperatureC,
    [property: Id(6)] DateTimeOffset CommissionedAt)
{
    public const double InitialSocPercent = 50.0;

    /// <summary>A new installation: half charged, unaged, at the season's typical temperature for the site.</summary>
    public static SiteBattery Initial(SiteSpec spec, DateTimeOffset commissionedAt)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var ambient = SyntheticWeather.ClimateTemperatureC(spec.Latitude, commissionedAt);
        return new SiteBattery(
            InitialSocPercent,
            BatteryPack.EnclosureTemperatureC(ambient),
            100.0,
            0.0,
            0.0,
            ambient,
            commissionedAt);
    }
}
