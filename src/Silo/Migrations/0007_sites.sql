-- BMS site history: one row per (site, interval end), partitioned by day like the device history.
CREATE TABLE site_readings (
    site_id                text             NOT NULL,
    ts                     timestamptz      NOT NULL,
    interval_minutes       double precision NOT NULL,
    solar_kw               double precision NOT NULL,
    load_kw                double precision NOT NULL,
    battery_kw             double precision NOT NULL,
    grid_import_kw         double precision NOT NULL,
    grid_export_kw         double precision NOT NULL,
    soc                    double precision NOT NULL,
    battery_temperature_c  double precision NOT NULL,
    battery_voltage        double precision NOT NULL,
    battery_health_percent double precision NOT NULL,
    cycle_count            double precision NOT NULL,
    inverter_ac_kw         double precision NOT NULL,
    inverter_dc_kw         double precision NOT NULL,
    inverter_efficiency    double precision NOT NULL,
    inverter_temperature_c double precision NOT NULL,
    weather_temperature_c  double precision NOT NULL,
    irradiance_wm2         double precision NOT NULL,
    cloud_cover_percent    double precision NOT NULL,
    weather_source         text             NOT NULL,
    unserved_kw            double precision NOT NULL,
    CONSTRAINT site_readings_pk PRIMARY KEY (site_id, ts)
) PARTITION BY RANGE (ts);

CREATE TABLE site_readings_default PARTITION OF site_readings DEFAULT;

-- Rollups of 15 min, 1 h and 1 day, kept up to date by the same statement that inserts raw rows
-- (only rows newly inserted are added), so history requests never aggregate raw rows.
-- A bucket covers raw rows with ts in [bucket_start, bucket_start + resolution).
CREATE TABLE site_rollups (
    site_id               text             NOT NULL,
    resolution_seconds    integer          NOT NULL,
    bucket_start          timestamptz      NOT NULL,
    hours                 double precision NOT NULL,
    solar_kwh             double precision NOT NULL,
    load_kwh              double precision NOT NULL,
    grid_import_kwh       double precision NOT NULL,
    grid_export_kwh       double precision NOT NULL,
    battery_charge_kwh    double precision NOT NULL,
    battery_discharge_kwh double precision NOT NULL,
    soc_min               double precision NOT NULL,
    soc_max               double precision NOT NULL,
    row_count             integer          NOT NULL,
    CONSTRAINT site_rollups_pk PRIMARY KEY (site_id, resolution_seconds, bucket_start)
);
