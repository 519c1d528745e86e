using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace EnergyActors.Tests.Access;

/// <summary>
/// Fleets and keys through /v1/admin, and a key's end seen by both gateways of the cluster within 5 seconds, while each
/// holds the key in its cache: revoked, or expired.
/// </summary>
[Collection(SecureSystemCollection.Name)]
public sealed class KeyLifecycleTests(SecureSystemFixture fixture)
{
    private static readonly TimeSpan Reach = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Fleets_and_keys_are_created_listed_without_secrets_and_a_revoked_key_is_refused_by_both_gateways_within_5_s()
    {
        var fleet = await fixture.CreateFleetAsync("life");
        using (var again = await fixture.SendAsync(HttpMethod.Post, "/v1/admin/fleets", fixture.AdminKey, $$"""{"fleetId":"{{fleet}}","name":"again"}"""))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var fleets = await ReadAsync(HttpMethod.Get, "/v1/admin/fleets");
        Assert.Contains(fleets["fleets"]!.AsArray(), f => (string?)f!["fleetId"] == fleet && (string?)f["name"] == "life fleet");

        using var created = await fixture.SendAsync(HttpMethod.Post, $"/v1/admin/fleets/{fleet}/keys", fixture.AdminKey, """{"role":"operator","name":"dispatch"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var body = await Http.Json.ReadAsync(created);
        var (keyId, key) = ((string)body["keyId"]!, (string)body["key"]!);
        Assert.Equal(created.Headers.Location?.ToString(), $"/v1/admin/fleets/{fleet}/keys/{keyId}");
        Assert.Equal(("operator", fleet, "dispatch"), ((string?)body["role"], (string?)body["fleetId"], (string?)body["name"]));
        Assert.Matches("^ea_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", key);
        var (deviceKeyId, deviceKey) = await fixture.CreateKeyAsync(fleet, "device");

        var listed = await ReadAsync(HttpMethod.Get, $"/v1/admin/fleets/{fleet}/keys");
        var listedText = listed.ToJsonString();
        Assert.Equal(new[] { keyId, deviceKeyId }, listed["keys"]!.AsArray().Select(k => (string)k!["keyId"]!));
        Assert.DoesNotContain(key[20..], listedText, StringComparison.Ordinal);
        Assert.DoesNotContain(deviceKey[20..], listedText, StringComparison.Ordinal);
        Assert.All(listed["keys"]!.AsArray(), k => Assert.Null(k!["key"]));
        var one = await ReadAsync(HttpMethod.Get, $"/v1/admin/fleets/{fleet}/keys/{keyId}");
        Assert.Equal(("operator", "dispatch"), ((string?)one["role"], (string?)one["name"]));

        // Both gateways have read the key and hold it in their caches when it is revoked.
        await AssertAnswersOnBothAsync(key, HttpStatusCode.OK);
        var revokedAt = Stopwatch.StartNew();
        using (var revoke = await fixture.SendAsync(HttpMethod.Delete, $"/v1/admin/fleets/{fleet}/keys/{keyId}", fixture.AdminKey))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        await WaitUntilRefusedOnBothAsync(key, revokedAt, "revoked");
        using (var again = await fixture.SendAsync(HttpMethod.Delete, $"/v1/admin/fleets/{fleet}/keys/{keyId}", fixture.AdminKey))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        var remaining = await ReadAsync(HttpMethod.Get, $"/v1/admin/fleets/{fleet}/keys");
        Assert.Equal(new[] { deviceKeyId }, remaining["keys"]!.AsArray().Select(k => (string)k!["keyId"]!));
    }

    [Fact]
    public async Task An_expired_key_is_refused_by_both_gateways_within_5_s_of_its_expiry()
    {
        var fleet = await fixture.CreateFleetAsync("expiry");
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(4);
        var (_, key) = await fixture.CreateKeyAsync(fleet, "operator", expiresAt);
        await AssertAnswersOnBothAsync(key, HttpStatusCode.OK);

        var untilExpiry = expiresAt - DateTimeOffset.UtcNow;
        Assert.True(untilExpiry > TimeSpan.Zero, "the key expired before both gateways were asked; the machine is too slow for this test's margin");
        var sinceExpiry = Stopwatch.StartNew();
        // The clock runs from the expiry: refusals seen before it (impossible if the rule holds) would fail below.
        await WaitUntilRefusedOnBothAsync(key, sinceExpiry, "expired", startAfter: untilExpiry);
    }

    [Theory]
    [InlineData("/v1/admin/fleets", """{"fleetId":"no spaces","name":"x"}""", "fleetId")]
    [InlineData("/v1/admin/fleets", """{"fleetId":"ok-id"}""", "name")]
    [InlineData("/v1/admin/fleets/{fleet}/keys", """{"role":"root","name":"x"}""", "role")]
    [InlineData("/v1/admin/fleets/{fleet}/keys", """{"role":"device","name":""}""", "name")]
    [InlineData("/v1/admin/fleets/{fleet}/keys", """{"role":"device","name":"x","expiresAt":"2020-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("/v1/admin/fleets/{fleet}/keys", """{"role":"device","name":"x","expiresAt":"tomorrow"}""", "expiresAt")]
    public async Task A_wrong_field_is_a_400_naming_it(string path, string json, string field)
    {
        var fleet = await fixture.CreateFleetAsync("bad");
        using var response = await fixture.SendAsync(HttpMethod.Post, path.Replace("{fleet}", fleet, StringComparison.Ordinal), fixture.AdminKey, json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Http.Json.ReadAsync(response))["errors"]![field]);
    }

    [Fact]
    public async Task Keys_of_a_fleet_never_registered_are_404()
    {
        using var create = await fixture.SendAsync(HttpMethod.Post, "/v1/admin/fleets/never-made/keys", fixture.AdminKey, """{"role":"device","name":"x"}""");
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        using var list = await fixture.SendAsync(HttpMethod.Get, "/v1/admin/fleets/never-made/keys", fixture.AdminKey);
        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
    }

    private async Task<JsonNode> ReadAsync(HttpMethod method, string path)
    {
        using var response = await fixture.SendAsync(method, path, fixture.AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Http.Json.ReadAsync(response);
    }

    private async Task AssertAnswersOnBothAsync(string key, HttpStatusCode expected)
    {
        for (var gateway = 0; gateway < fixture.System.GatewayCount; gateway++)
        {
            using var response = await fixture.SendAsync(HttpMethod.Get, "/v1/alerts?limit=1", key, gateway: gateway);
            Assert.Equal(expected, response.StatusCode);
        }
    }

    /// <summary>Asks both gateways in turn until each refuses the key, failing when that takes longer than 5 s from <paramref name="since"/>.</summary>
    private async Task WaitUntilRefusedOnBothAsync(string key, Stopwatch since, string why, TimeSpan startAfter = default)
    {
        var refused = new TimeSpan?[fixture.System.GatewayCount];
        while (refused.Any(r => r is null))
        {
            for (var gateway = 0; gateway < refused.Length; gateway++)
            {
                if (refused[gateway] is not null)
                {
                    continue;
                }

                using var response = await fixture.SendAsync(HttpMethod.Get, "/v1/alerts?limit=1", key, gateway: gateway);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    refused[gateway] = since.Elapsed - startAfter;
                    Assert.Contains(why, (string)(await Http.Json.ReadAsync(response))["detail"]!, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            }

            Assert.True(since.Elapsed - startAfter <= Reach, $"the {why} key was still taken after {Reach.TotalSeconds} s: {string.Join(", ", refused)}");
            await Task.Delay(100);
        }

        // Never before the revocation or expiry (a little clock granularity allowed), never more than 5 s after it.
        Assert.All(refused, r => Assert.InRange(r!.Value, TimeSpan.FromMilliseconds(-200), Reach));
    }
}
