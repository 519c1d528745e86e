-- The fleet index's entries: each vehicle's figures as it last reported them. A restarted shard
-- answers from these at once instead of waking every vehicle to ask again. Keyed by shard first,
-- so a shard loads its own entries with one range scan. Decimal figures are numeric, exact as the
-- grains compute them; the window the figures cover is kept with them.
CREATE TABLE fleet_entries (
    shard            smallint    NOT NULL,
    vehicle_id       text        NOT NULL,
    window_start     timestamptz NOT NULL,
    window_end       timestamptz NOT NULL,
    total_ac         numeric     NOT NULL,
    total_dc         numeric     NOT NULL,
    efficiency_ratio numeric     NULL,
    avg_battery_temp numeric     NULL,
    vehicle_readings bigint      NOT NULL,
    meter_readings   bigint      NOT NULL,
    health_status    text        NOT NULL,
    reported_at      timestamptz NOT NULL,
    CONSTRAINT fleet_entries_pk PRIMARY KEY (shard, vehicle_id)
);

-- Before this table a shard persisted only its members' ids, as Orleans grain state named
-- "members" (no other grain uses that name). Those ids carry no figures and their payload is
-- Orleans' binary serialization, which SQL cannot read; keeping them beside this table would be
-- two sources of truth. So they are dropped: after the upgrade a vehicle reappears in the fleet
-- view when it next ingests a reading or is queried, and from then on survives restarts here.
DELETE FROM orleansstorage WHERE graintypestring = 'members';
