namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// The bounds every accepted value stays within, chosen so that each one is representable everywhere it
/// travels: exact millionths in a vehicle's window (no overflow for any number of readings the API can
/// accept), <c>timestamptz</c> and <c>double precision</c> in PostgreSQL, and JSON on the way out.
/// The gateway refuses values outside them; grains skip (and log) a stored row outside them instead of failing.
/// </summary>
public static class ReadingLimits
{
    /// <summary>Energy of one reading's interval (kWh): a megawatt charging for 100 hours.</summary>
    public const double MaxEnergyKwh = 100_000;

    /// <summary>Any site power figure (kW), in either direction, and any site's power rating.</summary>
    public const double MaxPowerKw = 1_000_000;

    /// <summary>A site battery's capacity (kWh): a gigawatt-hour.</summary>
    public const double MaxStorageKwh = 1_000_000;

    /// <summary>A site's consumption a year: 1 TWh, a mean load of 114 MW, beyond any single site.</summary>
    public const double MaxAnnualConsumptionKwh = 1_000_000_000;

    /// <summary>
    /// The smallest battery capacity (kWh), battery power or inverter rating (kW) a site may have: the site model
    /// divides by them, and below a watt its figures overflow to infinity, which neither JSON nor the rollups can carry.
    /// </summary>
    public const double MinSiteRating = 0.001;

    public const double MaxVoltage = 2_000;

    public const double MinTemperatureC = -50;

    public const double MaxTemperatureC = 150;

    /// <summary>The earliest timestamp accepted (inclusive).</summary>
    public static readonly DateTimeOffset EarliestTimestamp = DateTimeOffset.UnixEpoch;

    /// <summary>The first timestamp no longer accepted (exclusive).</summary>
    public static readonly DateTimeOffset TimestampEnd = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsTimestamp(DateTimeOffset timestamp) => timestamp >= EarliestTimestamp && timestamp < TimestampEnd;

    public static bool IsEnergy(double kwh) => kwh is >= 0 and <= MaxEnergyKwh;

    public static bool IsTemperature(double celsius) => celsius is >= MinTemperatureC and <= MaxTemperatureC;

    /// <summary>Whether a stored meter reading's energy may be applied to a vehicle's window.</summary>
    public static bool IsApplicable(MeterEnergy energy) => IsTimestamp(energy.Timestamp) && IsEnergy(energy.KwhConsumedAc);

    /// <summary>Whether a stored vehicle reading may be applied to the vehicle's window.</summary>
    public static bool IsApplicable(VehicleReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return IsTimestamp(reading.Timestamp) && IsEnergy(reading.KwhDeliveredDc) && IsTemperature(reading.BatteryTemp);
    }
}
