using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Alerts;

/// <summary>
/// Webhooks end to end on a real silo and gateway: a receiver that fails the first deliveries, a silo killed while they
/// are pending, and every alert change (raised, acknowledged, cleared) arriving exactly once after deduplication, signed.
/// </summary>
public sealed class WebhookDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "webhook-test-secret-0123456789";

    private TestDatabase _database = null!;
    private RunningSystem _system = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("hooks");
        _system = await RunningSystem.StartAsync(_database.ConnectionString, extraSiloSettings: new Dictionary<string, string>
        {
            // The receiver is on 127.0.0.1; short waits so the test sees several attempts in seconds.
            ["Webhooks__AllowPrivateNetworks"] = "true",
            ["Webhooks__PollMilliseconds"] = "100",
            ["Webhooks__LeaseSeconds"] = "5",
            ["Webhooks__AttemptTimeoutSeconds"] = "2",
            ["Webhooks__FirstRetrySeconds"] = "1",
            ["Webhooks__MaxRetrySeconds"] = "2",
        });
    }

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Every_alert_change_arrives_once_signed_through_failures_and_a_silo_crash()
    {
        // Each attempt is up to three requests (two quick retries): ten failures make several persisted attempts fail.
        await using var receiver = await WebhookReceiver.StartAsync(Secret, failFirst: 10);
        await SendAsync(HttpMethod.Put, "/v1/alert-rules", Json.ImmediateEfficiencyRules, HttpStatusCode.OK);
        var webhook = await SendAsync(HttpMethod.Post, "/v1/webhooks", $$"""{"url":"{{receiver.Url}}","secret":"{{Secret}}"}""", HttpStatusCode.Created);
        var webhookId = (string)webhook["webhookId"]!;
        Assert.Null(webhook["secret"]);

        var vehicle = $"HOOK-V-{Guid.NewGuid():N}"[..20];
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        await SendAsync(HttpMethod.Post, "/v1/telemetry/vehicle", Json.Vehicle(vehicle, Stamp(at), kwh: 1), HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, "/v1/telemetry/meter", Json.Meter($"HOOK-M-{vehicle}", Stamp(at), kwh: 10, vehicleId: vehicle), HttpStatusCode.OK);
        var alertId = (long)(await SendAsync(HttpMethod.Get, $"/v1/alerts?deviceId={vehicle}", null, HttpStatusCode.OK))["alerts"]![0]!["id"]!;

        // The raise is queued and failing; the only silo dies with it pending.
        await receiver.WaitForAsync(r => r.Requests >= 2, TimeSpan.FromSeconds(30), "the receiver was never tried");
        await _system.RestartSiloAsync(0, crash: true);
        await receiver.WaitForAsync(r => r.Deliveries.Values.Any(d => d.State == "raised"), TimeSpan.FromSeconds(60), "the raise was not delivered");

        await SendAsync(HttpMethod.Post, $"/v1/alerts/{alertId}/ack", """{"by":"webhook test","note":"on it"}""", HttpStatusCode.OK);
        // 9 kWh more DC: 10 in for 10 out, healthy again, and the alert clears.
        await SendAsync(HttpMethod.Post, "/v1/telemetry/vehicle", Json.Vehicle(vehicle, Stamp(at.AddMinutes(1)), kwh: 9), HttpStatusCode.OK);
        await receiver.WaitForAsync(r => r.Deliveries.Count >= 3, TimeSpan.FromSeconds(60), "the acknowledgement and the clearing were not both delivered");

        Assert.Equal(0, receiver.BadSignatures);
        Assert.Equal(
            [(alertId, "acknowledged"), (alertId, "cleared"), (alertId, "raised")],
            receiver.Deliveries.Values.Select(d => (d.AlertId, d.State)).Order().ToList());

        var log = (await SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhookId}/deliveries", null, HttpStatusCode.OK))["deliveries"]!.AsArray();
        Assert.Equal(3, log.Count);
        Assert.All(log, d => Assert.Equal(200, (int)d!["lastStatus"]!));
        var raised = log.Single(d => (string)d!["state"]! == "raised")!;
        Assert.True((int)raised["attempts"]! >= 2, raised.ToJsonString());

        // The restarted silo counted what it saw (the clearing and the acknowledgement at least); no URL or secret is a label.
        var metrics = await _system.Http.GetStringAsync(new Uri(_system.SiloAddress(0), "/metrics"));
        Assert.Contains("energyactors_alerts_changes_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("kind=\"EFFICIENCY_CRITICAL\"", metrics, StringComparison.Ordinal);
        Assert.Contains("energyactors_webhooks_attempts_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("outcome=\"delivered\"", metrics, StringComparison.Ordinal);
        Assert.Contains("energyactors_webhooks_delivery_latency_seconds_bucket", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.Url.Authority, metrics, StringComparison.Ordinal);
    }

    /// <summary>
    /// Delivery latency (queued with the alert's change to acknowledged by the receiver, on PostgreSQL's clock) while
    /// single readings stream in: printed, not asserted, as a figure for the notes; every delivery must arrive.
    /// </summary>
    [Fact]
    public async Task Deliveries_arrive_under_ingestion_load_and_their_latency_is_printed()
    {
        const int Alerts = 60;
        await using var receiver = await WebhookReceiver.StartAsync(Secret, failFirst: 0);
        await SendAsync(HttpMethod.Put, "/v1/alert-rules", Json.ImmediateEfficiencyRules, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, "/v1/webhooks", $$"""{"url":"{{receiver.Url}}","secret":"{{Secret}}"}""", HttpStatusCode.Created);
        var run = Guid.NewGuid().ToString("N")[..6];
        var loaded = Enumerable.Range(0, 500).Select(i => string.Create(CultureInfo.InvariantCulture, $"LOAD-{run}-{i}")).ToArray();
        await using var load = SteadyVehicleLoad.Start(_system.GatewayAddress, loaded, DateTimeOffset.UtcNow.AddHours(-2), concurrency: 16);
        await Task.Delay(TimeSpan.FromSeconds(5));

        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        for (var i = 0; i < Alerts; i++)
        {
            var vehicle = string.Create(CultureInfo.InvariantCulture, $"LAT-{run}-{i}");
            await SendAsync(HttpMethod.Post, "/v1/telemetry/vehicle", Json.Vehicle(vehicle, Stamp(at), kwh: 1), HttpStatusCode.OK);
            await SendAsync(HttpMethod.Post, "/v1/telemetry/meter", Json.Meter($"LAT-M-{run}-{i}", Stamp(at), kwh: 10, vehicleId: vehicle), HttpStatusCode.OK);
            await Task.Delay(250);
        }

        await receiver.WaitForAsync(r => r.Deliveries.Count >= Alerts, TimeSpan.FromSeconds(60), $"{Alerts} raises were not all delivered");
        var rate = load.RatePerSecond(TimeSpan.FromSeconds(5), load.Elapsed);
        await load.StopAsync();
        var p50 = await PercentileMsAsync(0.5);
        var p99 = await PercentileMsAsync(0.99);
        output.WriteLine(FormattableString.Invariant($"webhook delivery latency (queued → receiver's 200) over {Alerts} alerts while ingesting {rate:0} single readings/s: p50 {p50:0.0} ms, p99 {p99:0.0} ms"));
        Assert.Equal(0, receiver.BadSignatures);
    }

    private async Task<double> PercentileMsAsync(double fraction)
    {
        await using var command = _database.DataSource.CreateCommand(
            "SELECT percentile_cont($1) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - queued_at)) * 1000 FROM webhook_deliveries WHERE delivered_at IS NOT NULL");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = fraction });
        return (double)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_webhook_is_validated_field_by_field()
    {
        foreach (var (body, field) in new[]
        {
            ("""{"url":"ftp://example.com/x","secret":"0123456789abcdef"}""", "url"),
            ("""{"url":"https://user:pw@example.com/x","secret":"0123456789abcdef"}""", "url"),
            ("""{"url":"https://example.com/x","secret":"short"}""", "secret"),
            ("""{"url":"https://example.com/x","secret":"0123456789abcdef","kinds":["LOUD"]}""", "kinds"),
            ("""{"url":"https://example.com/x","secret":"0123456789abcdef","severities":"critical"}""", "severities"),
        })
        {
            var problem = await SendAsync(HttpMethod.Post, "/v1/webhooks", body, HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]![field]);
        }

        await SendAsync(HttpMethod.Get, "/v1/webhooks/00000000deadbeef", null, HttpStatusCode.NotFound);
        await SendAsync(HttpMethod.Get, "/v1/webhooks/not%20an%20id", null, HttpStatusCode.BadRequest);
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string? json, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = json is null ? null : Json.Body(json) };
        using var response = await _system.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
