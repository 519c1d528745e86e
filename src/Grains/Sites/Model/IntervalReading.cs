namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// One interval of a site, in the contract's status shape plus the interval's energies.
/// <see cref="Timestamp"/> is the END of the interval; kW figures are averages over it; SOC,
/// temperatures, voltage, health and cycles are as of its end.
/// <para>
/// Energies close exactly (to rounding) for every interval:
/// SolarKwh + GridImportKwh + BatteryDischargeKwh
/// = (LoadKwh − UnservedKwh) + GridExportKwh + BatteryChargeKwh + LossesKwh + CurtailedKwh,
/// where SolarKwh is the PV array's available DC production, BatteryChargeKwh and
/// BatteryDischargeKwh are energy put into and taken out of storage (what SOC counts), LossesKwh is
/// the inverter's conversion loss plus the battery's charge and discharge losses, and CurtailedKwh
/// is PV the system could not use (clipped at the inverter, or with nowhere to go in an outage).
/// </para>
/// </summary>
public sealed record IntervalReading
{
    public required DateTimeOffset Timestamp { get; init; }

    public required TimeSpan Interval { get; init; }

    /// <summary>Whether the grid was down for this interval.</summary>
    public required bool GridOutage { get; init; }

    /// <summary>Available PV DC power, including any part curtailed.</summary>
    public required double SolarKw { get; init; }

    /// <summary>Demand, including any part left unserved.</summary>
    public required double LoadKw { get; init; }

    /// <summary>Power at the battery terminals: + charging, − discharging.</summary>
    public required double BatteryKw { get; init; }

    public required double GridImportKw { get; init; }

    public required double GridExportKw { get; init; }

    public required double BatterySoc { get; init; }

    public required double BatteryTemperatureC { get; init; }

    /// <summary>Terminal voltage: open-circuit voltage plus the I·R drop at this interval's current.</summary>
    public required double BatteryVoltageV { get; init; }

    public required double BatteryHealthPercent { get; init; }

    public required double BatteryCycleCount { get; init; }

    public required double InverterAcKw { get; init; }

    public required double InverterDcKw { get; init; }

    /// <summary>AC out over DC in, in percent; 0 while the inverter sleeps.</summary>
    public required double InverterEfficiencyPercent { get; init; }

    public required double InverterTemperatureC { get; init; }

    public required double WeatherTemperatureC { get; init; }

    /// <summary>Global horizontal irradiance over the interval, as given by the source or as derived.</summary>
    public required double WeatherIrradianceWm2 { get; init; }

    public required double WeatherCloudCoverPercent { get; init; }

    public required string WeatherSource { get; init; }

    public required double SolarKwh { get; init; }

    public required double LoadKwh { get; init; }

    public required double GridImportKwh { get; init; }

    public required double GridExportKwh { get; init; }

    public required double BatteryChargeKwh { get; init; }

    public required double BatteryDischargeKwh { get; init; }

    public required double LossesKwh { get; init; }

    public required double UnservedKwh { get; init; }

    public required double CurtailedKwh { get; init; }

    /// <summary>Sources minus sinks of the energy balance; zero up to rounding.</summary>
    public double BalanceResidualKwh =>
        SolarKwh + GridImportKwh + BatteryDischargeKwh
        - (LoadKwh - UnservedKwh + GridExportKwh + BatteryChargeKwh + LossesKwh + CurtailedKwh);
}
