using System.Net;
using System.Text.RegularExpressions;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Access;

/// <summary>
/// Without a configured admin key, the first start of a cluster generates one: two gateways starting together settle
/// it through the fleet directory, exactly one prints it (once, on standard output, nowhere else), and both take it,
/// also after the silo restarted (keys live in grain storage, not in memory).
/// </summary>
public sealed partial class FirstAdminKeyTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Of_two_gateways_starting_together_exactly_one_prints_the_first_admin_key_and_both_take_it()
    {
        await using var database = await TestDatabase.CreateAsync("firstkey");
        await using var system = await RunningSystem.StartAsync(database.ConnectionString, anonymous: false, gateways: 2);
        var outputs = new[] { system.GatewayProcess(0), system.GatewayProcess(1) };

        // Each gateway says how it ended: the winner prints the key, the other logs that one was issued before.
        var deadline = DateTime.UtcNow + Settle;
        while (!outputs.All(g => FirstAdminKeyLine().IsMatch(g.Output) || g.Output.Contains("An admin key was issued before", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the gateways did not settle the first admin key:\n" + string.Join("\n----\n", outputs.Select(g => g.Tail(30))));
            await Task.Delay(100);
        }

        var printed = outputs.SelectMany(g => FirstAdminKeyLine().Matches(g.Output)).ToList();
        Assert.Single(printed);
        var key = printed[0].Groups["key"].Value;
        // Only the announcement holds it: no log line repeats the secret.
        var secret = key[20..];
        Assert.Equal(1, outputs.Sum(g => Regex.Count(g.Output, Regex.Escape(secret))));

        for (var gateway = 0; gateway < 2; gateway++)
        {
            using var response = await ListFleetsAsync(system, gateway, key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"fleetId\":\"default\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await system.RestartSiloAsync(0);
        for (var gateway = 0; gateway < 2; gateway++)
        {
            // The gateway finds the restarted silo within seconds; until then it answers 503, never 401.
            var restarted = DateTime.UtcNow + Settle;
            while (true)
            {
                using var response = await ListFleetsAsync(system, gateway, key);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.True(DateTime.UtcNow < restarted, $"gateway {gateway} did not take the key again after the silo restarted");
                await Task.Delay(200);
            }
        }
    }

    private static async Task<HttpResponseMessage> ListFleetsAsync(RunningSystem system, int gateway, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/admin/fleets", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        return await system.HttpOf(gateway).SendAsync(request);
    }

    [GeneratedRegex(@"First admin key \(shown this once; keep it\): (?<key>ea_[0-9a-f]{16}_[A-Za-z0-9_-]{43})")]
    private static partial Regex FirstAdminKeyLine();
}
