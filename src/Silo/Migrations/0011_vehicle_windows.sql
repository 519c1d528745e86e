-- Vehicles' efficiency windows, kept so that a restarted vehicle reads back from history only the rows
-- committed after its window was taken (complete_at, a pg_snapshot in text form) or stamped at or after
-- the window's end (held_until), instead of its whole day. The buckets are the window's own compact
-- encoding (format byte first); a window that cannot be read is ignored and rebuilt from history.
CREATE TABLE vehicle_windows (
    vehicle_id  text        NOT NULL PRIMARY KEY,
    complete_at text        NOT NULL,
    held_until  timestamptz NOT NULL,
    buckets     bytea       NOT NULL,
    written_at  timestamptz NOT NULL
);
