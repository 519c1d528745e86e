using EnergyActors.Grains.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace EnergyActors.Silo.History;

internal sealed class VehicleHistoryTable : HistoryTable<VehicleReading>
{
    public static readonly VehicleHistoryTable Instance = new();

    public override string Name => "vehicle_readings";

    public override string DeviceType => "vehicle";

    protected override IReadOnlyDictionary<string, string> FieldsByColumn { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["vehicle_id"] = "vehicleId",
        ["ts"] = "timestamp",
        ["soc"] = "soc",
        ["kwh_delivered_dc"] = "kwhDeliveredDc",
        ["battery_temp"] = "batteryTemp",
    };

    public override string CreateStagingSql => """
        CREATE TEMP TABLE IF NOT EXISTS vehicle_readings_staging (
            seq integer NOT NULL, vehicle_id text NOT NULL, ts timestamptz NOT NULL,
            soc double precision NOT NULL, kwh_delivered_dc double precision NOT NULL, battery_temp double precision NOT NULL
        ) ON COMMIT DELETE ROWS
        """;

    public override string CopySql =>
        "COPY vehicle_readings_staging (seq, vehicle_id, ts, soc, kwh_delivered_dc, battery_temp) FROM STDIN (FORMAT BINARY)";

    public override string InsertSql => """
        WITH inserted AS (
            INSERT INTO vehicle_readings (vehicle_id, ts, soc, kwh_delivered_dc, battery_temp)
            SELECT vehicle_id, ts, soc, kwh_delivered_dc, battery_temp FROM vehicle_readings_staging
            ON CONFLICT (vehicle_id, ts) DO NOTHING
            RETURNING 1
        )
        SELECT count(*), pg_current_xact_id()::text FROM inserted
        """;

    public override string DuplicatesSql => """
        SELECT s.seq FROM vehicle_readings_staging s
        JOIN vehicle_readings h ON h.vehicle_id = s.vehicle_id AND h.ts = s.ts
        WHERE h.xmin <> pg_current_xact_id()::xid
        """;

    public override DateTimeOffset TimestampOf(VehicleReading row) => row.Timestamp;

    protected override IEnumerable<(string Field, string? Text)> Texts(string deviceId, VehicleReading row) => [("vehicleId", deviceId)];

    public override void WriteStagingRow(NpgsqlBinaryImporter importer, int sequence, string deviceId, VehicleReading row)
    {
        importer.StartRow();
        importer.Write(sequence, NpgsqlDbType.Integer);
        importer.Write(deviceId, NpgsqlDbType.Text);
        importer.Write(row.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz);
        importer.Write(row.Soc, NpgsqlDbType.Double);
        importer.Write(row.KwhDeliveredDc, NpgsqlDbType.Double);
        importer.Write(row.BatteryTemp, NpgsqlDbType.Double);
    }
}
