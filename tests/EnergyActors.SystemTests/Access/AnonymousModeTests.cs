using System.Net;
using System.Text.RegularExpressions;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Access;

/// <summary>
/// Anonymous local mode, as the shared test system runs: a request without a key acts as an operator of the anonymous
/// fleet, a request with a key is judged by the key alone, and /v1/admin stays closed to the anonymous caller.
/// </summary>
[Collection(RunningSystemCollection.Name)]
public sealed partial class AnonymousModeTests(RunningSystemFixture fixture)
{
    [Fact]
    public async Task Without_a_key_a_request_acts_as_an_operator_and_may_not_administer()
    {
        using (var operate = await fixture.Http.GetAsync(new Uri("/v1/alerts?limit=1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, operate.StatusCode);
        }

        using var administer = await fixture.Http.GetAsync(new Uri("/v1/admin/fleets", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, administer.StatusCode);
        Assert.Contains("anonymous local mode", (string)(await Http.Json.ReadAsync(administer))["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_key_the_key_decides_even_in_anonymous_mode()
    {
        using (var unknown = await SendAsync("/v1/alerts?limit=1", "ea_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        // No admin key is configured here, so the first start generated one and printed it once.
        var printed = FirstAdminKeyLine().Match(fixture.System.Gateway.Output);
        Assert.True(printed.Success, "the gateway printed no first admin key:\n" + fixture.System.Gateway.Tail());
        using var admin = await SendAsync("/v1/admin/fleets", printed.Groups["key"].Value);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        return await fixture.Http.SendAsync(request);
    }

    [GeneratedRegex(@"First admin key \(shown this once; keep it\): (?<key>ea_[0-9a-f]{16}_[A-Za-z0-9_-]{43})")]
    private static partial Regex FirstAdminKeyLine();
}
