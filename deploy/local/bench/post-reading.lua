-- wrk script for the bare Kestrel ceiling: every request POSTs one meter reading in the gateway's JSON shape.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"meterId":"bench-MTR-000001","timestamp":"2026-01-01T00:00:00Z","kwhConsumedAc":0.1234,"voltage":230.5}'
