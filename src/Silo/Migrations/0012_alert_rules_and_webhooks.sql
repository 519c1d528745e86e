-- Alerts carry the severity their fleet's rule gave them, and an operator's acknowledgement (who, when, why).
ALTER TABLE alerts ADD COLUMN severity text NOT NULL DEFAULT 'critical';
ALTER TABLE alerts ADD COLUMN acknowledged_at timestamptz NULL;
ALTER TABLE alerts ADD COLUMN acknowledged_by text NULL;
ALTER TABLE alerts ADD COLUMN ack_note text NULL;

-- Where a fleet wants its alerts' state changes sent. The secret signs each body (HMAC-SHA256), so it is
-- kept as given; it is never returned by the API. An empty kinds or severities array means all of them.
CREATE TABLE webhooks (
    webhook_id text        PRIMARY KEY,
    fleet_id   text        NOT NULL,
    url        text        NOT NULL,
    secret     text        NOT NULL,
    kinds      text[]      NOT NULL DEFAULT '{}',
    severities text[]      NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    deleted_at timestamptz NULL
);

CREATE INDEX webhooks_fleet ON webhooks (fleet_id) WHERE deleted_at IS NULL;

-- One row per webhook and alert state change (raised, acknowledged, cleared), written in the same statement
-- that changes the alert, so a change is never lost between the two and never queued twice. The body is fixed
-- when queued; a delivery is due at next_attempt_at until it is delivered or given up.
CREATE TABLE webhook_deliveries (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id      text        NOT NULL REFERENCES webhooks (webhook_id),
    alert_id        bigint      NOT NULL,
    state           text        NOT NULL,
    body            text        NOT NULL,
    queued_at       timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    delivered_at    timestamptz NULL,
    given_up_at     timestamptz NULL,
    last_status     integer     NULL,
    last_error      text        NULL,
    latency_ms      double precision NULL,
    UNIQUE (webhook_id, alert_id, state)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL AND given_up_at IS NULL;
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, id DESC);

