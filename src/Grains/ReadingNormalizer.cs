using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>
/// Brings readings to the precision history keeps: timestamps in UTC microseconds, values in millionths
/// (a milliwatt-hour). Every later sum over history is then an exact decimal, in SQL and in the grains alike.
/// </summary>
public static class ReadingNormalizer
{
    public const int Decimals = 6;

    public static double Value(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    public static MeterReading[] Meter(IReadOnlyList<MeterReading> readings, string? linkedVehicleId)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var result = new MeterReading[readings.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var r = readings[i];
            result[i] = new MeterReading(HistoryTime.Normalize(r.Timestamp), Value(r.KwhConsumedAc), Value(r.Voltage), r.VehicleId ?? linkedVehicleId);
        }

        return result;
    }

    public static VehicleReading[] Vehicle(IReadOnlyList<VehicleReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var result = new VehicleReading[readings.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var r = readings[i];
            result[i] = new VehicleReading(HistoryTime.Normalize(r.Timestamp), Value(r.Soc), Value(r.KwhDeliveredDc), Value(r.BatteryTemp));
        }

        return result;
    }
}
