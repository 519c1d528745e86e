using System.Net;
using EnergyActors.Tests.Access;
using EnergyActors.Tests.Http;

namespace EnergyActors.Tests.Alerts;

/// <summary>A fleet's webhooks are its own: another fleet's operator neither lists, reads, deletes nor sees the deliveries of them.</summary>
[Collection(SecureSystemCollection.Name)]
public sealed class WebhookScopeTests(SecureSystemFixture fixture)
{
    [Fact]
    public async Task Webhooks_are_fleet_scoped()
    {
        var mine = (await fixture.CreateKeyAsync(await fixture.CreateFleetAsync("hook-a"), "operator")).Key;
        var theirs = (await fixture.CreateKeyAsync(await fixture.CreateFleetAsync("hook-b"), "operator")).Key;
        using var created = await fixture.SendAsync(HttpMethod.Post, "/v1/webhooks", mine, """{"url":"https://example.com/hook","secret":"0123456789abcdef"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await Json.ReadAsync(created))["webhookId"]!;

        foreach (var (method, path) in new[] { (HttpMethod.Get, $"/v1/webhooks/{id}"), (HttpMethod.Get, $"/v1/webhooks/{id}/deliveries"), (HttpMethod.Delete, $"/v1/webhooks/{id}") })
        {
            using var refused = await fixture.SendAsync(method, path, theirs);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using var list = await fixture.SendAsync(HttpMethod.Get, "/v1/webhooks", theirs);
        Assert.Empty((await Json.ReadAsync(list))["webhooks"]!.AsArray());
        using var own = await fixture.SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}", mine);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        using var deleted = await fixture.SendAsync(HttpMethod.Delete, $"/v1/webhooks/{id}", mine);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }
}
