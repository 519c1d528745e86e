using System.Buffers;
using System.Text.Json;

namespace EnergyActors.Simulator.Shared;

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
