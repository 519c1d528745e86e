-- Typical-year weather files (EPW) a fleet uploaded for its sites; the text as uploaded, with what it was read as.
CREATE TABLE weather_files (
    fleet_id    text             NOT NULL,
    name        text             NOT NULL,
    content     bytea            NOT NULL,
    latitude    double precision NOT NULL,
    longitude   double precision NOT NULL,
    utc_offset  double precision NOT NULL,
    annual_ghi  double precision NOT NULL,
    uploaded_at timestamptz      NOT NULL,
    PRIMARY KEY (fleet_id, name)
);
