using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace EnergyActors.Simulator.Shared;

/// <summary>One generated reading; its (device, timestamp) is the key the gateway deduplicates on.</summary>
internal abstract record Reading(string DeviceId, DateTimeOffset Timestamp);

/// <summary>
/// A smart-meter (grid side, AC) reading. <see cref="VehicleId"/> names the vehicle charging from the
/// meter in that interval, so the gateway attributes the energy to it without a stored link.
/// </summary>
internal sealed record MeterReading(string DeviceId, DateTimeOffset Timestamp, double KwhConsumedAc, double Voltage, string? VehicleId = null)
    : Reading(DeviceId, Timestamp);

/// <summary>A vehicle (battery side, DC) reading.</summary>
internal sealed record VehicleReading(string DeviceId, DateTimeOffset Timestamp, double Soc, double KwhDeliveredDc, double BatteryTemp)
    : Reading(DeviceId, Timestamp);

/// <summary>The id pattern shared by <c>fleet</c>, <c>backfill</c> and <c>analytics</c>: {prefix}VEH-000001, {prefix}MTR-000001.</summary>
internal static class DeviceIds
{
    /// <summary>"MTR-" or "VEH-" and up to 7 digits: the most a --prefix must leave room for.</summary>
    public const int LongestSuffix = 11;

    /// <summary>Highest device number: keeps ids within <see cref="LongestSuffix"/>.</summary>
    public const int MaxNumber = 1_000_000;

    public static string Vehicle(string prefix, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}VEH-{number:D6}");

    public static string Meter(string prefix, int number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}MTR-{number:D6}");
}

/// <summary>One request's body, kept as bytes so a 503 retry resends exactly the same readings.</summary>
internal sealed record Payload(Uri Path, ReadOnlyMemory<byte> Body, int Readings);

/// <summary>Writes readings in the contract's JSON shapes (field names exactly as in CONTRACT.md).</summary>
internal static class PayloadWriter
{
    public static readonly Uri MeterPath = new("/v1/telemetry/meter", UriKind.Relative);
    public static readonly Uri VehiclePath = new("/v1/telemetry/vehicle", UriKind.Relative);
    public static readonly Uri BatchPath = new("/v1/telemetry/batch", UriKind.Relative);

    public static Payload Single(Reading reading)
    {
        var buffer = new ArrayBufferWriter<byte>(192);
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, reading, withType: false);
        }

        return new Payload(reading is MeterReading ? MeterPath : VehiclePath, buffer.WrittenMemory, 1);
    }

    public static Payload Batch(IReadOnlyList<Reading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var buffer = new ArrayBufferWriter<byte>(160 * readings.Count);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var reading in readings)
            {
                Write(json, reading, withType: true);
            }

            json.WriteEndArray();
        }

        return new Payload(BatchPath, buffer.WrittenMemory, readings.Count);
    }

    private static void Write(Utf8JsonWriter json, Reading reading, bool withType)
    {
        json.WriteStartObject();
        switch (reading)
        {
            case MeterReading meter:
                if (withType)
                {
                    json.WriteString("type", "meter");
                }

                json.WriteString("meterId", meter.DeviceId);
                json.WriteNumber("kwhConsumedAc", meter.KwhConsumedAc);
                json.WriteNumber("voltage", meter.Voltage);
                if (meter.VehicleId is { } vehicleId)
                {
                    json.WriteString("vehicleId", vehicleId);
                }

                break;
            case VehicleReading vehicle:
                if (withType)
                {
                    json.WriteString("type", "vehicle");
                }

                json.WriteString("vehicleId", vehicle.DeviceId);
                json.WriteNumber("soc", vehicle.Soc);
                json.WriteNumber("kwhDeliveredDc", vehicle.KwhDeliveredDc);
                json.WriteNumber("batteryTemp", vehicle.BatteryTemp);
                break;
            default:
                throw new ArgumentException($"Unknown reading type {reading.GetType().Name}.", nameof(reading));
        }

        json.WriteString("timestamp", Figures.Timestamp(reading.Timestamp));
        json.WriteEndObject();
    }
}
