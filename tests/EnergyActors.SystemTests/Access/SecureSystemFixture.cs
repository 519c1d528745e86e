using System.Net;
using System.Security.Cryptography;
using EnergyActors.Tests.Http;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Access;

/// <summary>
/// One silo and two gateways (by default) on a fresh database, without anonymous mode: every request needs a key. The admin
/// key is given in configuration, as an operator would (Auth__BootstrapAdminKey).
/// </summary>
public sealed class SecureSystemFixture : IAsyncLifetime
{
    private readonly int _gateways;

    public SecureSystemFixture()
        : this(gateways: 2)
    {
    }

    /// <summary>For fixtures built on this one (the console's: one gateway and a browser).</summary>
    internal SecureSystemFixture(int gateways) => _gateways = gateways;

    public string AdminKey { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public RunningSystem System { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("secure");
        System = await RunningSystem.StartAsync(
            Database.ConnectionString,
            extraGatewaySettings: new Dictionary<string, string> { ["Auth__BootstrapAdminKey"] = AdminKey },
            anonymous: false,
            gateways: _gateways);
    }

    public async Task DisposeAsync()
    {
        await System.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>
    /// A request to gateway <paramref name="gateway"/> with <paramref name="key"/> (none when null) and a body when given: JSON,
    /// or of <paramref name="mediaType"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, string? json = null, int gateway = 0, string? mediaType = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {key}");
        }

        if (json is not null)
        {
            request.Content = mediaType is null ? Json.Body(json) : new StringContent(json, global::System.Text.Encoding.UTF8, mediaType);
            if (mediaType is not null)
            {
                request.Content.Headers.ContentType!.CharSet = null;
            }
        }

        // Headers first: an event stream (GET /v1/events) never ends; every other answer is read by the caller as usual.
        return await System.HttpOf(gateway).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>A new fleet with a unique id starting with <paramref name="prefix"/>.</summary>
    public async Task<string> CreateFleetAsync(string prefix)
    {
        var fleetId = $"{prefix}-{Guid.NewGuid():N}"[..24];
        using var created = await SendAsync(HttpMethod.Post, "/v1/admin/fleets", AdminKey, $$"""{"fleetId":"{{fleetId}}","name":"{{prefix}} fleet"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return fleetId;
    }

    /// <summary>A new key of <paramref name="role"/> for <paramref name="fleetId"/>: its id and secret text.</summary>
    public async Task<(string KeyId, string Key)> CreateKeyAsync(string fleetId, string role, DateTimeOffset? expiresAt = null)
    {
        var expires = expiresAt is { } at ? $",\"expiresAt\":\"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\"" : string.Empty;
        using var created = await SendAsync(HttpMethod.Post, $"/v1/admin/fleets/{fleetId}/keys", AdminKey, $$"""{"role":"{{role}}","name":"{{role}} key"{{expires}}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await Json.ReadAsync(created);
        return ((string)body["keyId"]!, (string)body["key"]!);
    }
}

/// <summary>Test classes sharing one secure system (keys required, two gateways).</summary>
[CollectionDefinition(Name)]
public sealed class SecureSystemCollection : ICollectionFixture<SecureSystemFixture>
{
    public const string Name = "secure system";
}
