using EnergyActors.Grains.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace EnergyActors.Silo.History;

internal sealed class MeterHistoryTable : HistoryTable<MeterReading>
{
    public static readonly MeterHistoryTable Instance = new();

    public override string Name => "meter_readings";

    public override string CreateStagingSql => """
        CREATE TEMP TABLE IF NOT EXISTS meter_readings_staging (
            meter_id text NOT NULL, ts timestamptz NOT NULL,
            kwh_consumed_ac double precision NOT NULL, voltage double precision NOT NULL, vehicle_id text NULL
        ) ON COMMIT DELETE ROWS
        """;

    public override string CopySql =>
        "COPY meter_readings_staging (meter_id, ts, kwh_consumed_ac, voltage, vehicle_id) FROM STDIN (FORMAT BINARY)";

    public override string InsertSql => """
        INSERT INTO meter_readings (meter_id, ts, kwh_consumed_ac, voltage, vehicle_id)
        SELECT meter_id, ts, kwh_consumed_ac, voltage, vehicle_id
        FROM meter_readings_staging
        ON CONFLICT (meter_id, ts) DO NOTHING
        RETURNING meter_id, ts
        """;

    public override DateTimeOffset TimestampOf(MeterReading row) => row.Timestamp;

    public override void WriteStagingRow(NpgsqlBinaryImporter importer, string deviceId, MeterReading row)
    {
        importer.StartRow();
        importer.Write(deviceId, NpgsqlDbType.Text);
        importer.Write(row.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz);
        importer.Write(row.KwhConsumedAc, NpgsqlDbType.Double);
        importer.Write(row.Voltage, NpgsqlDbType.Double);
        if (row.VehicleId is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(row.VehicleId, NpgsqlDbType.Text);
        }
    }
}
