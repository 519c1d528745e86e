using System.Globalization;
using System.Net;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Operations;

/// <summary>
/// The operations endpoints ask for no key, so only this machine and the management URLs may reach them; the management
/// URLs serve nothing else. Checked from another network namespace, because a caller on 127.0.0.2 is still on loopback.
/// </summary>
public sealed class ManagementPortTests
{
    private static readonly string[] OperationsPaths = ["/health/live", "/health/ready", "/metrics"];

    [SkippableFact]
    public async Task Health_and_metrics_reach_another_machine_only_through_the_management_urls_which_serve_nothing_else()
    {
        Skip.IfNot(NetworkNamespace.CanCreate, "Making a network namespace (ip netns) to call from a non-loopback address needs root.");
        await using var network = await NetworkNamespace.CreateAsync();
        await using var database = await TestDatabase.CreateAsync("mgmt");
        var gatewayPublic = Listener(network.HostAddress);
        var gatewayManagement = Listener(network.HostAddress);
        var siloPublic = Listener(network.HostAddress);
        var siloManagement = Listener(network.HostAddress);
        // Two management URLs, as an operator gives a loopback one for a local agent and one on the LAN.
        var loopbackManagement = Listener(IPAddress.Loopback);
        await using var system = await RunningSystem.StartAsync(database.ConnectionString, new RunningSystemOptions
        {
            // Listening beyond loopback: anonymous local mode would refuse to start there.
            Anonymous = false,
            ExtraGatewayUrls = [gatewayPublic.ToString()],
            GatewaySettings = new Dictionary<string, string> { ["Operations__ManagementUrls"] = $"{loopbackManagement};{gatewayManagement}" },
            ExtraSiloUrls = _ => [siloPublic.ToString()],
            SiloSettings = new Dictionary<string, string> { ["Operations__ManagementUrls"] = siloManagement.ToString() },
        });

        var expectations = new List<(string Method, Uri Url, int Status)>();
        foreach (var path in OperationsPaths)
        {
            expectations.Add(("GET", new Uri(gatewayPublic, path), 404));
            expectations.Add(("GET", new Uri(gatewayManagement, path), 200));
            expectations.Add(("GET", new Uri(siloPublic, path), 404));
            expectations.Add(("GET", new Uri(siloManagement, path), 200));
        }

        // Not a 405 either: to a caller elsewhere these paths do not exist on the public port.
        expectations.Add(("POST", new Uri(gatewayPublic, "/metrics"), 404));
        expectations.Add(("DELETE", new Uri(gatewayPublic, "/health/ready"), 404));
        // The API is public, and absent from the management URLs.
        expectations.Add(("GET", new Uri(gatewayPublic, "/openapi/v1.json"), 200));
        expectations.Add(("GET", new Uri(gatewayManagement, "/openapi/v1.json"), 404));
        expectations.Add(("GET", new Uri(gatewayManagement, "/api"), 404));
        expectations.Add(("GET", new Uri(gatewayManagement, "/v1/telemetry/meter/MGMT-1/status"), 404));
        expectations.Add(("POST", new Uri(gatewayManagement, "/v1/telemetry/meter"), 404));

        var wrong = new List<string>();
        foreach (var (method, url, status) in expectations)
        {
            var answered = await network.StatusFromPeerAsync(method, url);
            if (answered != status)
            {
                wrong.Add($"{method} {url} from {network.PeerAddress}: {answered}, expected {status}");
            }
        }

        // This machine keeps its view on every listener: loopback callers (run.sh's, the tests') see the operations endpoints.
        using var http = system.NewClient(TimeSpan.FromSeconds(10));
        foreach (var url in new[] { new Uri(system.GatewayAddress, "/metrics"), new Uri(system.SiloAddress(0), "/health/ready"), new Uri(loopbackManagement, "/health/ready") })
        {
            using var response = await http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                wrong.Add($"GET {url} from loopback: {(int)response.StatusCode}, expected 200");
            }
        }

        using (var api = await http.GetAsync(new Uri(loopbackManagement, "/openapi/v1.json")))
        {
            if (api.StatusCode != HttpStatusCode.NotFound)
            {
                wrong.Add($"GET {loopbackManagement}openapi/v1.json from loopback: {(int)api.StatusCode}, expected 404 (no API on a management URL)");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private static Uri Listener(IPAddress address) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://{address}:{FreePort.Next()}"));
}
