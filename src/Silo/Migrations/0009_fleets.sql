-- Fleets (tenants). Every meter and vehicle belongs to one fleet from its first accepted reading (or the
-- first link an operator makes for it) on; the binding never changes. Sites keep their fleet in their grain
-- state. Devices and alerts from before fleets existed belong to the fleet 'default' (the run command's
-- anonymous fleet): grains read a device with history but no row here as the default fleet's, so no
-- upgrade has to scan history to fill this table.
CREATE TABLE device_owners (
    kind      text        NOT NULL CHECK (kind IN ('meter', 'vehicle')),
    device_id text        NOT NULL,
    fleet_id  text        NOT NULL,
    bound_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT device_owners_pk PRIMARY KEY (kind, device_id)
);

ALTER TABLE alerts ADD COLUMN fleet_id text NOT NULL DEFAULT 'default';
CREATE INDEX alerts_fleet ON alerts (fleet_id, id DESC);

-- The fleet view is per fleet: each fleet has its own index shards.
ALTER TABLE fleet_entries ADD COLUMN fleet_id text NOT NULL DEFAULT 'default';
ALTER TABLE fleet_entries DROP CONSTRAINT fleet_entries_pk;
ALTER TABLE fleet_entries ADD CONSTRAINT fleet_entries_pk PRIMARY KEY (fleet_id, shard, vehicle_id);
