-- Changes operators and admins asked for (fleets, keys, sites, links, outages, replays), refused ones
-- included: who, what, when, and the answer. Appended by the gateways, read newest first.
CREATE TABLE audit_log (
    id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at       timestamptz NOT NULL,
    key_id   text        NOT NULL,
    fleet_id text        NULL,
    action   text        NOT NULL,
    target   text        NOT NULL,
    status   smallint    NOT NULL
);

CREATE INDEX audit_log_fleet ON audit_log (fleet_id, id DESC);
