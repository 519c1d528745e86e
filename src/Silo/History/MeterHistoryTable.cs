using EnergyActors.Grains.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace EnergyActors.Silo.History;

internal sealed class MeterHistoryTable : HistoryTable<MeterReading>
{
    public static readonly MeterHistoryTable Instance = new();

    public override string Name => "meter_readings";

    public override string DeviceType => "meter";

    protected override IReadOnlyDictionary<string, string> FieldsByColumn { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["meter_id"] = "meterId",
        ["ts"] = "timestamp",
        ["kwh_consumed_ac"] = "kwhConsumedAc",
        ["voltage"] = "voltage",
        ["vehicle_id"] = "vehicleId",
    };

    public override string CreateStagingSql => """
        CREATE TEMP TABLE IF NOT EXISTS meter_readings_staging (
            seq integer NOT NULL, meter_id text NOT NULL, ts timestamptz NOT NULL,
            kwh_consumed_ac double precision NOT NULL, voltage double precision NOT NULL, vehicle_id text NULL
        ) ON COMMIT DELETE ROWS
        """;

    public override string CopySql =>
        "COPY meter_readings_staging (seq, meter_id, ts, kwh_consumed_ac, voltage, vehicle_id) FROM STDIN (FORMAT BINARY)";

    public override string InsertSql => """
        WITH inserted AS (
            INSERT INTO meter_readings (meter_id, ts, kwh_consumed_ac, voltage, vehicle_id)
            SELECT meter_id, ts, kwh_consumed_ac, voltage, vehicle_id FROM meter_readings_staging
            ON CONFLICT (meter_id, ts) DO NOTHING
            RETURNING 1
        )
        SELECT count(*), pg_current_xact_id()::text FROM inserted
        """;

    public override string DuplicatesSql => """
        SELECT s.seq FROM meter_readings_staging s
        JOIN meter_readings h ON h.meter_id = s.meter_id AND h.ts = s.ts
        WHERE h.xmin <> pg_current_xact_id()::xid
        """;

    public override DateTimeOffset TimestampOf(MeterReading row) => row.Timestamp;

    protected override IEnumerable<(string Field, string? Text)> Texts(string deviceId, MeterReading row) => [("meterId", deviceId), ("vehicleId", row.VehicleId)];

    public override void WriteStagingRow(NpgsqlBinaryImporter importer, int sequence, string deviceId, MeterReading row)
    {
        importer.StartRow();
        importer.Write(sequence, NpgsqlDbType.Integer);
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
