-- Reading history: one row per (device, instant), range-partitioned by day on the reading's time.
-- The primary key is what makes ingestion idempotent (INSERT ... ON CONFLICT DO NOTHING), and it
-- doubles as the index grains use to find their newest reading on activation.
-- Daily partitions are created ahead by the silo; the default partition takes everything else
-- (backfill of old days, and anything ingested before its day's partition exists).

CREATE TABLE meter_readings (
    meter_id        text             NOT NULL,
    ts              timestamptz      NOT NULL,
    kwh_consumed_ac double precision NOT NULL,
    voltage         double precision NOT NULL,
    vehicle_id      text             NULL,
    CONSTRAINT meter_readings_pk PRIMARY KEY (meter_id, ts)
) PARTITION BY RANGE (ts);

CREATE TABLE meter_readings_default PARTITION OF meter_readings DEFAULT;

CREATE TABLE vehicle_readings (
    vehicle_id       text             NOT NULL,
    ts               timestamptz      NOT NULL,
    soc              double precision NOT NULL,
    kwh_delivered_dc double precision NOT NULL,
    battery_temp     double precision NOT NULL,
    CONSTRAINT vehicle_readings_pk PRIMARY KEY (vehicle_id, ts)
) PARTITION BY RANGE (ts);

CREATE TABLE vehicle_readings_default PARTITION OF vehicle_readings DEFAULT;
