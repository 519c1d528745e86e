using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Silo.History;

/// <summary>Every partitioned history table, in the fixed order batches write them (a stable lock order).</summary>
internal static class HistoryTables
{
    public static readonly HistoryTable<MeterReading> Meter = new(
        "meter_readings",
        "meter",
        ("meter_id", "meterId"),
        r => r.Timestamp,
        [
            HistoryColumn<MeterReading>.Double("kwh_consumed_ac", "kwhConsumedAc", r => r.KwhConsumedAc),
            HistoryColumn<MeterReading>.Double("voltage", "voltage", r => r.Voltage),
            HistoryColumn<MeterReading>.OptionalText("vehicle_id", "vehicleId", r => r.VehicleId),
        ]);

    public static readonly HistoryTable<VehicleReading> Vehicle = new(
        "vehicle_readings",
        "vehicle",
        ("vehicle_id", "vehicleId"),
        r => r.Timestamp,
        [
            HistoryColumn<VehicleReading>.Double("soc", "soc", r => r.Soc),
            HistoryColumn<VehicleReading>.Double("kwh_delivered_dc", "kwhDeliveredDc", r => r.KwhDeliveredDc),
            HistoryColumn<VehicleReading>.Double("battery_temp", "batteryTemp", r => r.BatteryTemp),
        ]);

    public static readonly HistoryTable<SiteReading> Site = new(
        "site_readings",
        "site",
        ("site_id", "siteId"),
        r => r.Timestamp,
        [
            SiteDouble("interval_minutes", "intervalMinutes", r => r.IntervalMinutes),
            SiteDouble("solar_kw", "solarKw", r => r.SolarKw),
            SiteDouble("load_kw", "loadKw", r => r.LoadKw),
            SiteDouble("battery_kw", "batteryKw", r => r.BatteryKw),
            SiteDouble("grid_import_kw", "gridImportKw", r => r.GridImportKw),
            SiteDouble("grid_export_kw", "gridExportKw", r => r.GridExportKw),
            SiteDouble("soc", "battery.soc", r => r.Soc),
            SiteDouble("battery_temperature_c", "battery.temperatureC", r => r.BatteryTemperatureC),
            SiteDouble("battery_voltage", "battery.voltage", r => r.BatteryVoltage),
            SiteDouble("battery_health_percent", "battery.healthPercent", r => r.BatteryHealthPercent),
            SiteDouble("cycle_count", "battery.cycleCount", r => r.CycleCount),
            SiteDouble("inverter_ac_kw", "inverter.acKw", r => r.InverterAcKw),
            SiteDouble("inverter_dc_kw", "inverter.dcKw", r => r.InverterDcKw),
            SiteDouble("inverter_efficiency", "inverter.efficiency", r => r.InverterEfficiency),
            SiteDouble("inverter_temperature_c", "inverter.temperatureC", r => r.InverterTemperatureC),
            SiteDouble("weather_temperature_c", "weather.temperatureC", r => r.WeatherTemperatureC),
            SiteDouble("irradiance_wm2", "weather.irradianceWm2", r => r.IrradianceWm2),
            SiteDouble("cloud_cover_percent", "weather.cloudCoverPercent", r => r.CloudCoverPercent),
            HistoryColumn<SiteReading>.RequiredText("weather_source", "weather.source", r => r.WeatherSource),
            SiteDouble("unserved_kw", "unservedKw", r => r.UnservedKw),
        ],
        new HistoryFollowUp("site_id, ts, interval_minutes, solar_kw, load_kw, battery_kw, grid_import_kw, grid_export_kw, soc", SiteRollupSql));

    public static readonly IReadOnlyList<HistoryTable> All = [Meter, Vehicle, Site];

    // The rollups take exactly the rows the insert stored, so the history API never aggregates raw rows.
    private const string SiteRollupSql = """
        rolled AS (
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
        """;

    private static HistoryColumn<SiteReading> SiteDouble(string name, string field, Func<SiteReading, double> value) =>
        HistoryColumn<SiteReading>.Double(name, field, value);
}
