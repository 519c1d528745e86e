namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// One vehicle over the interval ending at a reading's timestamp: energy drawn from the grid (AC) and
/// put into the battery (DC) in the interval, SOC and battery temperature at its end, and the charger
/// it was plugged into during it (null: not plugged in at all).
/// </summary>
internal readonly record struct IntervalSample(double AcKwh, double DcKwh, double Soc, double BatteryTemp, ChargerKind? Charger);
