using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Alerts;

/// <summary>
/// A receiver that never answers holds only its own webhook's few dispatch slots: another webhook of the same alerts
/// keeps getting each one well inside a single attempt's deadline, which a dispatcher waiting on whole rounds would miss.
/// </summary>
public sealed class WebhookIsolationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "webhook-isolation-secret-0123456";
    private const int AttemptTimeoutSeconds = 5;

    private TestDatabase _database = null!;
    private RunningSystem _system = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("hookiso");
        _system = await RunningSystem.StartAsync(_database.ConnectionString, extraSiloSettings: new Dictionary<string, string>
        {
            ["Webhooks__AllowPrivateNetworks"] = "true",
            ["Webhooks__PollMilliseconds"] = "100",
            ["Webhooks__AttemptTimeoutSeconds"] = AttemptTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["Webhooks__LeaseSeconds"] = "30",
            ["Webhooks__Concurrency"] = "8",
            ["Webhooks__ConcurrencyPerWebhook"] = "4",
        });
    }

    public async Task DisposeAsync()
    {
        await _system.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_receiver_that_hangs_does_not_hold_up_another_webhooks_deliveries()
    {
        const int Alerts = 16;
        await using var hanging = await WebhookReceiver.StartAsync(Secret, failFirst: 0, hang: true);
        await using var healthy = await WebhookReceiver.StartAsync(Secret, failFirst: 0);
        await SendAsync(HttpMethod.Put, "/v1/alert-rules", Json.ImmediateEfficiencyRules);
        await SendAsync(HttpMethod.Post, "/v1/webhooks", $$"""{"url":"{{hanging.Url}}","secret":"{{Secret}}"}""");
        var healthyId = (string)(await SendAsync(HttpMethod.Post, "/v1/webhooks", $$"""{"url":"{{healthy.Url}}","secret":"{{Secret}}"}"""))["webhookId"]!;

        var run = Guid.NewGuid().ToString("N")[..6];
        var at = DateTimeOffset.UtcNow.AddMinutes(-30).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        for (var i = 0; i < Alerts; i++)
        {
            var vehicle = string.Create(CultureInfo.InvariantCulture, $"ISO-{run}-{i}");
            await SendAsync(HttpMethod.Post, "/v1/telemetry/vehicle", Json.Vehicle(vehicle, at, kwh: 1));
            await SendAsync(HttpMethod.Post, "/v1/telemetry/meter", Json.Meter($"ISO-M-{run}-{i}", at, kwh: 10, vehicleId: vehicle));
        }

        await healthy.WaitForAsync(r => r.Deliveries.Count >= Alerts, TimeSpan.FromSeconds(60), $"{Alerts} raises were not all delivered to the healthy receiver");
        Assert.True(hanging.Requests >= 1, "the hanging receiver was never tried");

        await using var command = _database.DataSource.CreateCommand(
            "SELECT max(extract(epoch FROM delivered_at - queued_at))::double precision FROM webhook_deliveries WHERE webhook_id = $1 AND delivered_at IS NOT NULL");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = healthyId });
        var slowest = (double)(await command.ExecuteScalarAsync())!;
        output.WriteLine(FormattableString.Invariant(
            $"{Alerts} alerts; the hanging receiver got {hanging.Requests} requests; the healthy one's slowest delivery took {slowest * 1000:0} ms from queued"));
        Assert.True(slowest < AttemptTimeoutSeconds, FormattableString.Invariant($"the healthy webhook waited {slowest:0.0} s behind the hanging one"));
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = Json.Body(json) };
        using var response = await _system.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
