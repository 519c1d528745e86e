using System.Globalization;
using System.Net;
using System.Text;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Validation;

/// <summary>
/// Every way a client can get a reading wrong ends in a 4xx problem that names the field, and never
/// a 5xx; nothing of an invalid single reading is stored.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed class ValidationTests(RunningSystemFixture fixture)
{
    private const string Ts = "2026-01-31T14:00:00Z";

    public static TheoryData<string, string, string> InvalidSingleReadings()
    {
        var data = new TheoryData<string, string, string>();
        void Meter(string field, string json) => data.Add("/v1/telemetry/meter", field, json);
        void Vehicle(string field, string json) => data.Add("/v1/telemetry/vehicle", field, json);

        // Body-level problems.
        foreach (var path in new[] { "/v1/telemetry/meter", "/v1/telemetry/vehicle" })
        {
            data.Add(path, "body", "{");
            data.Add(path, "body", "");
            data.Add(path, "body", "not json");
            data.Add(path, "body", "[]");
            data.Add(path, "body", "42");
            data.Add(path, "body", "\"a string\"");
            data.Add(path, "body", "null");
            data.Add(path, "body", """{"meterId":"M-1",}""");
            data.Add(path, "body", new string('[', 64) + new string(']', 64));
        }

        // Ids: missing, null, empty, too long, wrong characters, wrong type.
        Meter("meterId", $$"""{"kwhConsumedAc":1,"voltage":230,"timestamp":"{{Ts}}"}""");
        foreach (var id in new[] { "null", "\"\"", $"\"{new string('m', 65)}\"", "\"bad id\"", "\"a/b\"", "\"ü-meter\"", "\"x;drop\"", "7", "true", "{}", "[\"M-1\"]" })
        {
            Meter("meterId", $$"""{"meterId":{{id}},"kwhConsumedAc":1,"voltage":230,"timestamp":"{{Ts}}"}""");
            Vehicle("vehicleId", $$"""{"vehicleId":{{id}},"soc":50,"kwhDeliveredDc":1,"batteryTemp":25,"timestamp":"{{Ts}}"}""");
            if (id != "null")
            {
                Meter("vehicleId", $$"""{"meterId":"M-1","kwhConsumedAc":1,"voltage":230,"timestamp":"{{Ts}}","vehicleId":{{id}}}""");
            }
        }

        Vehicle("vehicleId", $$"""{"soc":50,"kwhDeliveredDc":1,"batteryTemp":25,"timestamp":"{{Ts}}"}""");

        // Numbers: missing, null, wrong type, non-finite (overflowing literals), out of range.
        var badNumbers = new[] { "null", "\"1\"", "true", "[]", "{}", "1e400", "-1e400" };
        foreach (var value in badNumbers.Concat(["-0.001", "-1"]))
        {
            Meter("kwhConsumedAc", $$"""{"meterId":"M-1","kwhConsumedAc":{{value}},"voltage":230,"timestamp":"{{Ts}}"}""");
            Vehicle("kwhDeliveredDc", $$"""{"vehicleId":"V-1","soc":50,"kwhDeliveredDc":{{value}},"batteryTemp":25,"timestamp":"{{Ts}}"}""");
        }

        foreach (var value in badNumbers.Concat(["-0.1", "2000.01", "100000"]))
        {
            Meter("voltage", $$"""{"meterId":"M-1","kwhConsumedAc":1,"voltage":{{value}},"timestamp":"{{Ts}}"}""");
        }

        foreach (var value in badNumbers.Concat(["-0.01", "100.01", "1000"]))
        {
            Vehicle("soc", $$"""{"vehicleId":"V-1","soc":{{value}},"kwhDeliveredDc":1,"batteryTemp":25,"timestamp":"{{Ts}}"}""");
        }

        foreach (var value in badNumbers.Concat(["-50.01", "150.01", "-273"]))
        {
            Vehicle("batteryTemp", $$"""{"vehicleId":"V-1","soc":50,"kwhDeliveredDc":1,"batteryTemp":{{value}},"timestamp":"{{Ts}}"}""");
        }

        Meter("kwhConsumedAc", $$"""{"meterId":"M-1","voltage":230,"timestamp":"{{Ts}}"}""");
        Meter("voltage", $$"""{"meterId":"M-1","kwhConsumedAc":1,"timestamp":"{{Ts}}"}""");
        Vehicle("soc", $$"""{"vehicleId":"V-1","kwhDeliveredDc":1,"batteryTemp":25,"timestamp":"{{Ts}}"}""");
        Vehicle("batteryTemp", $$"""{"vehicleId":"V-1","soc":50,"kwhDeliveredDc":1,"timestamp":"{{Ts}}"}""");

        // Timestamps: missing, no offset, not RFC 3339, impossible dates, too far in the future.
        var badTimestamps = new[]
        {
            "null", "1769868000", "true", "\"\"", "\"2026-01-31T14:00:00\"", "\"2026-01-31T14:00:00.123\"", "\"2026-01-31\"",
            "\"14:00:00Z\"", "\"2026-01-31 14:00\"", "\"31/01/2026 14:00:00Z\"", "\"2026-02-30T14:00:00Z\"", "\"2026-13-01T00:00:00Z\"",
            "\"2026-01-31T24:00:00Z\"", "\"2026-01-31T14:60:00Z\"", "\"2026-01-31T14:00:00+5:30\"", "\"2026-01-31T14:00:00+15:00\"",
            "\"2026-01-31T14:00:00+0530\"", "\"2026-01-31T14:00:00.Z\"", "\"2026-01-31T14:00:00ZZ\"", "\"yesterday\"",
            "\"Sat, 31 Jan 2026 14:00:00 GMT\"", "\"9999-12-31T23:59:59-14:00\"",
            // Theory data is built at discovery, minutes before this case runs on a busy machine: far enough ahead to stay ahead.
            $"\"{DateTimeOffset.UtcNow.AddHours(2):yyyy-MM-ddTHH:mm:ssZ}\"",
            $"\"{DateTimeOffset.UtcNow.AddDays(400).ToString("yyyy-MM-ddTHH:mm:ss+02:00", CultureInfo.InvariantCulture)}\"",
        };
        foreach (var value in badTimestamps)
        {
            Meter("timestamp", $$"""{"meterId":"M-1","kwhConsumedAc":1,"voltage":230,"timestamp":{{value}}}""");
            Vehicle("timestamp", $$"""{"vehicleId":"V-1","soc":50,"kwhDeliveredDc":1,"batteryTemp":25,"timestamp":{{value}}}""");
        }

        Meter("timestamp", """{"meterId":"M-1","kwhConsumedAc":1,"voltage":230}""");
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidSingleReadings))]
    public async Task An_invalid_single_reading_is_a_400_naming_the_field(string path, string field, string json)
    {
        using var response = await fixture.Http.PostAsync(new Uri(path, UriKind.Relative), Json.Body(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json.ReadAsync(response);
        Assert.Equal(400, (int)problem["status"]!);
        Assert.True(problem["errors"]?[field] is not null, $"errors should name '{field}': {problem.ToJsonString()}");
    }

    [Fact]
    public async Task Boundary_values_are_accepted()
    {
        var meterId = $"M.{Guid.NewGuid():N}:_-".PadRight(64, 'x');
        var vehicleId = $"V-{Guid.NewGuid():N}";
        var nearFuture = DateTimeOffset.UtcNow.AddMinutes(4).ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
        var cases = new[]
        {
            ("/v1/telemetry/meter", $$"""{"meterId":"{{meterId}}","kwhConsumedAc":0,"voltage":0,"timestamp":"2026-01-31T14:00:00Z"}"""),
            ("/v1/telemetry/meter", $$"""{"meterId":"{{meterId}}","kwhConsumedAc":1e5,"voltage":2000,"timestamp":"2026-01-31t14:01:00.5z"}"""),
            ("/v1/telemetry/meter", $$"""{"meterId":"{{meterId}}","kwhConsumedAc":1,"voltage":230,"timestamp":"1970-01-01T00:00:00-14:00"}"""),
            ("/v1/telemetry/meter", $$"""{"meterId":"{{meterId}}","kwhConsumedAc":1,"voltage":230,"timestamp":"{{nearFuture}}","vehicleId":null}"""),
            ("/v1/telemetry/vehicle", $$"""{"vehicleId":"{{vehicleId}}","soc":0,"kwhDeliveredDc":0,"batteryTemp":-50,"timestamp":"2026-01-31T14:00:00+14:00"}"""),
            ("/v1/telemetry/vehicle", $$"""{"vehicleId":"{{vehicleId}}","soc":100,"kwhDeliveredDc":0.000001,"batteryTemp":150,"timestamp":"2026-01-31T14:00:00.123456789Z","extra":"ignored"}"""),
        };

        foreach (var (path, json) in cases)
        {
            using var response = await fixture.Http.PostAsync(new Uri(path, UriKind.Relative), Json.Body(json));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{json} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(4, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1", meterId));
        Assert.Equal(2, await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_readings WHERE vehicle_id = $1", vehicleId));
    }

    [Fact]
    public async Task An_invalid_single_reading_stores_nothing()
    {
        var meterId = $"M-{Guid.NewGuid():N}";
        using var response = await fixture.Http.PostAsync("/v1/telemetry/meter", Json.Body($$"""{"meterId":"{{meterId}}","kwhConsumedAc":1,"voltage":5000,"timestamp":"{{Ts}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1", meterId));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"type":"meter"}""")]
    [InlineData("42")]
    [InlineData("[1, 2]")]
    [InlineData("[[]]")]
    [InlineData("""[{"type":"meter"}, "x"]""")]
    [InlineData("[")]
    [InlineData("")]
    public async Task A_batch_body_that_is_not_an_array_of_objects_is_a_400(string json)
    {
        using var response = await fixture.Http.PostAsync("/v1/telemetry/batch", Json.Body(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.NotNull(problem["errors"]?["body"]);
    }

    [Fact]
    public async Task A_batch_of_more_than_10000_readings_is_a_400()
    {
        var item = $$"""{"type":"meter","meterId":"M-1","kwhConsumedAc":1,"voltage":230,"timestamp":"{{Ts}}"}""";
        var json = "[" + string.Join(',', Enumerable.Repeat(item, 10_001)) + "]";
        using var response = await fixture.Http.PostAsync("/v1/telemetry/batch", Json.Body(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_invalid_batch_item_is_named_by_index_and_field()
    {
        var items = new[]
        {
            """{"type":"meter","meterId":"bad id","kwhConsumedAc":1,"voltage":230,"timestamp":"2026-01-31T14:00:00Z"}""",
            """{"type":"vehicle","vehicleId":"V-1","soc":101,"kwhDeliveredDc":1,"batteryTemp":25,"timestamp":"2026-01-31T14:00:00Z"}""",
            """{"meterId":"M-1","kwhConsumedAc":1,"voltage":230,"timestamp":"2026-01-31T14:00:00Z"}""",
            """{"type":"METER","meterId":"M-1","kwhConsumedAc":1,"voltage":230,"timestamp":"2026-01-31T14:00:00Z"}""",
            """{"type":"meter","meterId":"M-1","kwhConsumedAc":1,"voltage":230,"timestamp":"2026-01-31T14:00:00"}""",
            """{"type":"vehicle","vehicleId":"V-1","soc":50,"kwhDeliveredDc":1e400,"batteryTemp":25,"timestamp":"2026-01-31T14:00:00Z"}""",
        };
        using var response = await fixture.Http.PostAsync("/v1/telemetry/batch", Json.Body("[" + string.Join(',', items) + "]"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(0, (int)body["accepted"]!);
        Assert.Equal(6, (int)body["rejected"]!);
        var errors = body["errors"]!.AsArray().Select(e => ((int)e!["index"]!, (string)e["field"]!)).ToHashSet();
        Assert.Superset(new HashSet<(int, string)> { (0, "meterId"), (1, "soc"), (2, "type"), (3, "type"), (4, "timestamp"), (5, "kwhDeliveredDc") }, errors);
    }

    [Fact]
    public async Task A_body_over_4_MiB_is_a_413()
    {
        var json = "[" + new string(' ', (4 * 1024 * 1024) + 16) + "]";
        foreach (var path in new[] { "/v1/telemetry/batch", "/v1/telemetry/meter" })
        {
            // Expect: 100-continue lets the server refuse on Content-Length alone, as a well-behaved client
            // would see it, instead of the client tripping over the closed connection while still writing.
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json.Body(json) };
            request.Headers.ExpectContinue = true;
            using var response = await fixture.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }

        // Without Content-Length the limit still holds while streaming.
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        chunked.Headers.ContentType = new("application/x-ndjson");
        using var chunkedRequest = new HttpRequestMessage(HttpMethod.Post, "/v1/telemetry/batch") { Content = chunked };
        chunkedRequest.Headers.TransferEncodingChunked = true;
        chunkedRequest.Headers.ExpectContinue = true;
        using var streamed = await fixture.Http.SendAsync(chunkedRequest);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
    }

    [Theory]
    [InlineData("/v1/telemetry/meter/{0}/status", "meterId")]
    [InlineData("/v1/telemetry/vehicle/{0}/status", "vehicleId")]
    public async Task A_status_request_with_an_invalid_id_is_a_400(string template, string field)
    {
        foreach (var id in new[] { "bad%20id", new string('x', 65), "a%2Fb", "%C3%BC" })
        {
            using var response = await fixture.Http.GetAsync(new Uri(string.Format(CultureInfo.InvariantCulture, template, id), UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await Json.ReadAsync(response))["errors"]?[field]);
        }
    }

    [Theory]
    [InlineData("GET", "/v1/telemetry/nothing")]
    [InlineData("POST", "/v1/telemetry/toaster")]
    [InlineData("GET", "/v2/telemetry/meter/M-1/status")]
    public async Task An_unknown_path_is_a_404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? Json.Body("{}") : null };
        using var response = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Random damage to valid bodies: whatever comes out, the answer is a 200 or a 4xx, never a 5xx.</summary>
    [Fact]
    public async Task Mangled_bodies_never_get_a_5xx()
    {
        var random = new Random(20261127);
        var seeds = new (string Path, string Json)[]
        {
            ("/v1/telemetry/meter", $$"""{"meterId":"M-FUZZ","kwhConsumedAc":150.5,"voltage":240,"timestamp":"{{Ts}}","vehicleId":"V-FUZZ"}"""),
            ("/v1/telemetry/vehicle", $$"""{"vehicleId":"V-FUZZ","soc":75,"kwhDeliveredDc":127.5,"batteryTemp":32,"timestamp":"{{Ts}}"}"""),
            ("/v1/telemetry/batch", $$"""[{"type":"meter","meterId":"M-FUZZ","kwhConsumedAc":1,"voltage":230,"timestamp":"{{Ts}}"},{"type":"vehicle","vehicleId":"V-FUZZ","soc":50,"kwhDeliveredDc":1,"batteryTemp":25,"timestamp":"{{Ts}}"}]"""),
        };
        const string alphabet = "{}[]\",:.-+eE0123456789 \\\u0000\u00ffZT";
        var failures = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var (path, json) = seeds[i % seeds.Length];
            var chars = new StringBuilder(json);
            for (var edits = random.Next(1, 4); edits > 0 && chars.Length > 0; edits--)
            {
                var at = random.Next(chars.Length);
                switch (random.Next(3))
                {
                    case 0: chars.Remove(at, 1); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }

            using var response = await fixture.Http.PostAsync(new Uri(path, UriKind.Relative), Json.Body(chars.ToString()));
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} for {path} {chars}");
            }
        }

        Assert.Empty(failures);
    }
}
