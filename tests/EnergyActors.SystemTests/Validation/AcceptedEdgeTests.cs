using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Validation;

/// <summary>
/// The other side of the strict input rules: what sits exactly on a bound, a real leap second, every media type the
/// contract names and a byte order mark are still taken, so strictness never turns away a well-behaved client.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class AcceptedEdgeTests(RunningSystemFixture fixture)
{
    [Theory]
    [InlineData("2016-12-31T23:59:60Z")]
    [InlineData("2017-01-01T00:59:60+01:00")]
    [InlineData("1972-06-30T23:59:60.5Z")]
    public async Task A_real_leap_second_is_taken_as_the_last_microsecond_of_its_day(string timestamp)
    {
        var meterId = $"M-leap-{Guid.NewGuid():N}";
        using var response = await fixture.Http.PostAsync("/v1/telemetry/meter", Json.Body(Json.Meter(meterId, timestamp)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var day = timestamp.StartsWith("1972", StringComparison.Ordinal) ? "1972-06-30" : "2016-12-31";
        Assert.Equal(1, await fixture.Database.ScalarAsync($"SELECT count(*) FROM meter_readings WHERE meter_id = $1 AND ts = '{day}T23:59:59.999999Z'", meterId));
    }

    [Fact]
    public async Task Values_on_the_bounds_are_taken_and_minus_zero_is_stored_as_zero()
    {
        var vehicleId = $"V-edge-{Guid.NewGuid():N}";
        using var earliest = await fixture.Http.PostAsync("/v1/telemetry/vehicle", Json.Body(
            $$"""{"vehicleId":"{{vehicleId}}","soc":100,"kwhDeliveredDc":100000,"batteryTemp":150,"timestamp":"1970-01-01T00:00:00Z"}"""));
        using var negativeZero = await fixture.Http.PostAsync("/v1/telemetry/vehicle", Json.Body(
            $$"""{"vehicleId":"{{vehicleId}}","soc":-0,"kwhDeliveredDc":-0,"batteryTemp":-50,"timestamp":"2026-01-31T14:00:00Z"}"""));

        Assert.Equal(HttpStatusCode.OK, earliest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, negativeZero.StatusCode);
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1 AND kwh_delivered_dc = 0 AND NOT kwh_delivered_dc::text LIKE '-%'", vehicleId));
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("application/json", "application/json; charset=utf-8")]
    [InlineData("application/json", "Application/JSON; charset=\"UTF-8\"")]
    [InlineData("application/json", "application/json; charset=utf-8; profile=reading")]
    [InlineData("ndjson", "application/x-ndjson")]
    [InlineData("ndjson", "application/ndjson")]
    [InlineData("ndjson", "application/jsonl; charset=utf-8")]
    public async Task A_batch_is_taken_under_every_media_type_the_contract_names(string shape, string contentType)
    {
        var meterId = $"M-type-{Guid.NewGuid():N}";
        var item = $$"""{"type":"meter","meterId":"{{meterId}}","kwhConsumedAc":1,"voltage":230,"timestamp":"2026-01-31T14:00:00Z"}""";
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(shape == "ndjson" ? item + "\n" : $"[{item}]"));
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        using var response = await fixture.Http.PostAsync("/v1/telemetry/batch", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (int)(await Json.ReadAsync(response))["accepted"]!);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_before_the_json_is_ignored()
    {
        var meterId = $"M-bom-{Guid.NewGuid():N}";
        using var content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Json.Meter(meterId, "2026-01-31T14:00:00Z"))]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await fixture.Http.PostAsync("/v1/telemetry/meter", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1", meterId));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/metrics")]
    public async Task Operations_endpoints_answer_get_and_head(string path)
    {
        using var get = await fixture.Http.GetAsync(new Uri(path, UriKind.Relative));
        using var headRequest = new HttpRequestMessage(HttpMethod.Head, path);
        using var head = await fixture.Http.SendAsync(headRequest);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }
}
