using System.Net;
using System.Text;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Http;

/// <summary>The contract's ingestion semantics through a real gateway and silo on real PostgreSQL.</summary>
[Collection(RunningSystemCollection.Name)]
public sealed class IngestionTests(RunningSystemFixture fixture)
{
    [Fact]
    public async Task A_200_means_the_meter_reading_is_in_history()
    {
        var meterId = NewId("MTR");
        using var response = await fixture.Http.PostAsync("/v1/telemetry/meter", Json.Body(Json.Meter(meterId, "2026-01-31T14:00:00Z", kwh: 150.5)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(1, (int)body["accepted"]!);
        Assert.Equal(0, (int)body["duplicates"]!);
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM meter_readings WHERE meter_id = $1 AND ts = '2026-01-31T14:00:00Z' AND kwh_consumed_ac = 150.5 AND voltage = 240", meterId));
    }

    [Fact]
    public async Task The_same_reading_twice_even_in_another_offset_is_stored_once_and_answered_as_duplicate()
    {
        var vehicleId = NewId("VEH");
        using var first = await fixture.Http.PostAsync("/v1/telemetry/vehicle", Json.Body(Json.Vehicle(vehicleId, "2026-01-31T14:00:00Z", soc: 75)));
        using var second = await fixture.Http.PostAsync("/v1/telemetry/vehicle", Json.Body(Json.Vehicle(vehicleId, "2026-01-31T14:00:00Z", soc: 75)));
        using var third = await fixture.Http.PostAsync("/v1/telemetry/vehicle", Json.Body(Json.Vehicle(vehicleId, "2026-01-31T19:30:00+05:30", soc: 99)));

        Assert.Equal("{\"accepted\":1,\"duplicates\":0}", await first.Content.ReadAsStringAsync());
        Assert.Equal("{\"accepted\":0,\"duplicates\":1}", await second.Content.ReadAsStringAsync());
        Assert.Equal("{\"accepted\":0,\"duplicates\":1}", await third.Content.ReadAsStringAsync());
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", vehicleId));
        Assert.Equal(75, await fixture.Database.ScalarAsync("SELECT soc::bigint FROM vehicle_readings WHERE vehicle_id = $1", vehicleId));
    }

    [Fact]
    public async Task A_batch_with_invalid_items_stores_exactly_the_valid_ones_and_names_the_invalid_by_index()
    {
        var meterId = NewId("MTR");
        var vehicleId = NewId("VEH");
        var batch = $$"""
            [
              {"type":"meter","meterId":"{{meterId}}","kwhConsumedAc":1.0,"voltage":230,"timestamp":"2026-01-31T14:00:00Z"},
              {"type":"meter","meterId":"{{meterId}}","kwhConsumedAc":-1,"voltage":230,"timestamp":"2026-01-31T14:01:00Z"},
              {"type":"vehicle","vehicleId":"{{vehicleId}}","soc":50,"kwhDeliveredDc":0.9,"batteryTemp":30,"timestamp":"2026-01-31T14:00:00+01:00"},
              {"type":"vehicle","vehicleId":"{{vehicleId}}","soc":150,"kwhDeliveredDc":0.9,"batteryTemp":30,"timestamp":"2026-01-31T14:02:00"},
              {"type":"toaster","id":"x"},
              {"type":"meter","meterId":"{{meterId}}","kwhConsumedAc":2.0,"voltage":231,"timestamp":"2026-01-31T14:00:00Z"}
            ]
            """;
        using var response = await fixture.Http.PostAsync("/v1/telemetry/batch", Json.Body(batch));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(2, (int)body["accepted"]!);
        Assert.Equal(1, (int)body["duplicates"]!);
        Assert.Equal(3, (int)body["rejected"]!);
        var errors = body["errors"]!.AsArray().Select(e => ((int)e!["index"]!, (string)e["field"]!)).ToList();
        Assert.Contains((1, "kwhConsumedAc"), errors);
        Assert.Contains((3, "soc"), errors);
        Assert.Contains((3, "timestamp"), errors);
        Assert.Contains((4, "type"), errors);
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1", meterId));
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT kwh_consumed_ac::bigint FROM meter_readings WHERE meter_id = $1", meterId));
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", vehicleId));
    }

    [Fact]
    public async Task An_ndjson_batch_is_taken_line_by_line_and_a_malformed_line_is_rejected_by_index()
    {
        var meterId = NewId("MTR");
        var lines = new StringBuilder()
            .AppendLine($$"""{"type":"meter","meterId":"{{meterId}}","kwhConsumedAc":1,"voltage":230,"timestamp":"2026-01-31T14:00:00Z"}""")
            .AppendLine("{not json")
            .AppendLine()
            .AppendLine($$"""{"type":"meter","meterId":"{{meterId}}","kwhConsumedAc":1,"voltage":230,"timestamp":"2026-01-31T14:01:00Z"}""")
            .ToString();
        using var response = await fixture.Http.PostAsync("/v1/telemetry/batch", Json.Body(lines, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(2, (int)body["accepted"]!);
        Assert.Equal(1, (int)body["rejected"]!);
        Assert.Equal(1, (int)body["errors"]![0]!["index"]!);
        Assert.Equal(2, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1", meterId));
    }

    [Fact]
    public async Task Status_shows_the_newest_timestamp_not_the_latest_arrival()
    {
        var meterId = NewId("MTR");
        await PostOk("/v1/telemetry/meter", Json.Meter(meterId, "2026-01-31T14:05:00Z", voltage: 241, vehicleId: "VEH-9"));
        await PostOk("/v1/telemetry/meter", Json.Meter(meterId, "2026-01-31T14:00:00Z", voltage: 239));

        using var response = await fixture.Http.GetAsync(new Uri($"/v1/telemetry/meter/{meterId}/status", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await Json.ReadAsync(response);
        Assert.Equal(meterId, (string)status["meterId"]!);
        Assert.Equal(241, (double)status["voltage"]!);
        Assert.Equal("VEH-9", (string)status["vehicleId"]!);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 14, 5, 0, TimeSpan.Zero), (DateTimeOffset)status["timestamp"]!);
    }

    [Fact]
    public async Task Status_of_a_device_never_seen_is_a_404_problem()
    {
        using var meter = await fixture.Http.GetAsync(new Uri($"/v1/telemetry/meter/{NewId("MTR")}/status", UriKind.Relative));
        using var vehicle = await fixture.Http.GetAsync(new Uri($"/v1/telemetry/vehicle/{NewId("VEH")}/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, meter.StatusCode);
        Assert.Equal("application/problem+json", meter.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, vehicle.StatusCode);
    }

    private async Task PostOk(string path, string json)
    {
        using var response = await fixture.Http.PostAsync(new Uri(path, UriKind.Relative), Json.Body(json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
