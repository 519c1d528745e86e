using EnergyActors.Grains.Abstractions.Sites;
using Npgsql;
using NpgsqlTypes;

namespace EnergyActors.Silo.History;

internal sealed class SiteHistoryTable : HistoryTable<SiteReading>
{
    public static readonly SiteHistoryTable Instance = new();

    private const string Columns =
        "site_id, ts, interval_minutes, solar_kw, load_kw, battery_kw, grid_import_kw, grid_export_kw, soc, battery_temperature_c, battery_voltage, " +
        "battery_health_percent, cycle_count, inverter_ac_kw, inverter_dc_kw, inverter_efficiency, inverter_temperature_c, weather_temperature_c, " +
        "irradiance_wm2, cloud_cover_percent, weather_source, unserved_kw";

    public override string Name => "site_readings";

    public override string DeviceType => "site";

    protected override IReadOnlyDictionary<string, string> FieldsByColumn { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["site_id"] = "siteId",
        ["ts"] = "timestamp",
        ["interval_minutes"] = "intervalMinutes",
        ["solar_kw"] = "solarKw",
        ["load_kw"] = "loadKw",
        ["battery_kw"] = "batteryKw",
        ["grid_import_kw"] = "gridImportKw",
        ["grid_export_kw"] = "gridExportKw",
        ["soc"] = "battery.soc",
        ["battery_temperature_c"] = "battery.temperatureC",
        ["battery_voltage"] = "battery.voltage",
        ["battery_health_percent"] = "battery.healthPercent",
        ["cycle_count"] = "battery.cycleCount",
        ["inverter_ac_kw"] = "inverter.acKw",
        ["inverter_dc_kw"] = "inverter.dcKw",
        ["inverter_efficiency"] = "inverter.efficiency",
        ["inverter_temperature_c"] = "inverter.temperatureC",
        ["weather_temperature_c"] = "weather.temperatureC",
        ["irradiance_wm2"] = "weather.irradianceWm2",
        ["cloud_cover_percent"] = "weather.cloudCoverPercent",
        ["weather_source"] = "weather.source",
        ["unserved_kw"] = "unservedKw",
    };

    public override string CreateStagingSql =>
        "CREATE TEMP TABLE IF NOT EXISTS site_readings_staging (seq integer NOT NULL, LIKE site_readings INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";

    public override string CopySql => $"COPY site_readings_staging (seq, {Columns}) FROM STDIN (FORMAT BINARY)";

    // The rollups take exactly the rows this statement inserted, in the same transaction, so a duplicate
    // never counts twice and a failed flush leaves no half-counted bucket.
    public override string InsertSql => $"""
        WITH inserted AS (
            INSERT INTO site_readings ({Columns})
            SELECT {Columns} FROM site_readings_staging
            ON CONFLICT (site_id, ts) DO NOTHING
            RETURNING site_id, ts, interval_minutes, solar_kw, load_kw, battery_kw, grid_import_kw, grid_export_kw, soc
        ), rolled AS (
            INSERT INTO site_rollups AS r (site_id, resolution_seconds, bucket_start, hours, solar_kwh, load_kwh, grid_import_kwh, grid_export_kwh,
                                           battery_charge_kwh, battery_discharge_kwh, soc_min, soc_max, row_count)
            SELECT i.site_id, res.seconds, to_timestamp(floor(extract(epoch FROM i.ts) / res.seconds) * res.seconds),
                   sum(i.interval_minutes / 60), sum(i.solar_kw * i.interval_minutes / 60), sum(i.load_kw * i.interval_minutes / 60),
                   sum(i.grid_import_kw * i.interval_minutes / 60), sum(i.grid_export_kw * i.interval_minutes / 60),
                   sum(greatest(i.battery_kw, 0) * i.interval_minutes / 60), sum(greatest(-i.battery_kw, 0) * i.interval_minutes / 60),
                   min(i.soc), max(i.soc), count(*)
            FROM inserted i CROSS JOIN (VALUES (900), (3600), (86400)) AS res(seconds)
            GROUP BY 1, 2, 3
            ON CONFLICT (site_id, resolution_seconds, bucket_start) DO UPDATE SET
                hours = r.hours + excluded.hours,
                solar_kwh = r.solar_kwh + excluded.solar_kwh,
                load_kwh = r.load_kwh + excluded.load_kwh,
                grid_import_kwh = r.grid_import_kwh + excluded.grid_import_kwh,
                grid_export_kwh = r.grid_export_kwh + excluded.grid_export_kwh,
                battery_charge_kwh = r.battery_charge_kwh + excluded.battery_charge_kwh,
                battery_discharge_kwh = r.battery_discharge_kwh + excluded.battery_discharge_kwh,
                soc_min = least(r.soc_min, excluded.soc_min),
                soc_max = greatest(r.soc_max, excluded.soc_max),
                row_count = r.row_count + excluded.row_count
        )
        SELECT count(*), pg_current_xact_id()::text FROM inserted
        """;

    public override string DuplicatesSql => """
        SELECT s.seq FROM site_readings_staging s
        JOIN site_readings h ON h.site_id = s.site_id AND h.ts = s.ts
        WHERE h.xmin <> pg_current_xact_id()::xid
        """;

    public override DateTimeOffset TimestampOf(SiteReading row) => row.Timestamp;

    protected override IEnumerable<(string Field, string? Text)> Texts(string deviceId, SiteReading row) => [("siteId", deviceId), ("weather.source", row.WeatherSource)];

    public override void WriteStagingRow(NpgsqlBinaryImporter importer, int sequence, string deviceId, SiteReading row)
    {
        importer.StartRow();
        importer.Write(sequence, NpgsqlDbType.Integer);
        importer.Write(deviceId, NpgsqlDbType.Text);
        importer.Write(row.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz);
        foreach (var value in (ReadOnlySpan<double>)
        [
            row.IntervalMinutes, row.SolarKw, row.LoadKw, row.BatteryKw, row.GridImportKw, row.GridExportKw, row.Soc, row.BatteryTemperatureC,
            row.BatteryVoltage, row.BatteryHealthPercent, row.CycleCount, row.InverterAcKw, row.InverterDcKw, row.InverterEfficiency,
            row.InverterTemperatureC, row.WeatherTemperatureC, row.IrradianceWm2, row.CloudCoverPercent,
        ])
        {
            importer.Write(value, NpgsqlDbType.Double);
        }

        importer.Write(row.WeatherSource, NpgsqlDbType.Text);
        importer.Write(row.UnservedKw, NpgsqlDbType.Double);
    }
}
