-- Vehicle analytics: a vehicle rebuilds its 24 h window from the meter readings attributed to it,
-- so those need an index by (vehicle, time). Only attributed rows are indexed.
CREATE INDEX meter_readings_vehicle_ts ON meter_readings (vehicle_id, ts) WHERE vehicle_id IS NOT NULL;

-- Alerts raised and cleared by grains. At most one active alert per device and kind, so raising
-- twice (a retried call, a re-activated grain) is harmless.
CREATE TABLE alerts (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_id  text        NOT NULL,
    kind       text        NOT NULL,
    message    text        NOT NULL,
    raised_at  timestamptz NOT NULL,
    cleared_at timestamptz NULL
);

CREATE UNIQUE INDEX alerts_one_active ON alerts (device_id, kind) WHERE cleared_at IS NULL;
CREATE INDEX alerts_device ON alerts (device_id, id DESC);
CREATE INDEX alerts_active ON alerts (id DESC) WHERE cleared_at IS NULL;
