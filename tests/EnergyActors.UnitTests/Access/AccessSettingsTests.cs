using EnergyActors.Gateway.Access;
using Microsoft.Extensions.Configuration;

namespace EnergyActors.Tests.Access;

/// <summary>The settings a gateway refuses to start with, and which listening addresses count as loopback.</summary>
public sealed class AccessSettingsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", true)]
    [InlineData("http://127.0.0.2:5000", true)]
    [InlineData("https://localhost:5001", true)]
    [InlineData("http://LOCALHOST", true)]
    [InlineData("http://[::1]:5000", true)]
    [InlineData("http://0.0.0.0:5000", false)]
    [InlineData("http://*:5000", false)]
    [InlineData("http://+:5000", false)]
    [InlineData("http://[::]:5000", false)]
    [InlineData("http://10.0.0.5:5000", false)]
    [InlineData("http://example.com:5000", false)]
    [InlineData("http://localhost.example.com:5000", false)]
    [InlineData("http://127.0.0.1.nip.io:5000", false)]
    public void Only_localhost_and_loopback_IPs_are_loopback(string address, bool loopback) =>
        Assert.Equal(loopback, AccessSettings.IsLoopback(address));

    [Fact]
    public void Anonymous_mode_on_loopback_starts() =>
        Assert.Null(AccessSettings.RefusalToStart(Settings(("Auth:AnonymousFleet", "default"), ("urls", "http://127.0.0.1:5000;http://[::1]:5000"))));

    [Fact]
    public void Keys_on_any_address_start() => Assert.Null(AccessSettings.RefusalToStart(Settings(("urls", "http://0.0.0.0:5000"))));

    [Theory]
    [InlineData("urls", "http://127.0.0.1:5000;http://0.0.0.0:5001", "0.0.0.0")]
    [InlineData("http_ports", "8080", "*:8080")]
    [InlineData("Kestrel:Endpoints:Public:Url", "http://10.0.0.5:80", "10.0.0.5")]
    [InlineData("Operations:ManagementUrls", "http://127.0.0.1:9100;http://10.0.0.5:9100", "10.0.0.5:9100")]
    public void Anonymous_mode_beyond_loopback_is_refused_naming_the_address(string setting, string value, string named)
    {
        var refusal = AccessSettings.RefusalToStart(Settings(("Auth:AnonymousFleet", "default"), (setting, value)));
        Assert.NotNull(refusal);
        Assert.Contains(named, refusal, StringComparison.Ordinal);
        Assert.Contains("Auth:AnonymousFleet=default", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Auth:AnonymousFleet", "two words")]
    [InlineData("Auth:BootstrapAdminKey", "short")]
    [InlineData("Auth:BootstrapAdminKey", "0123456789abcdef0123456789abcdef with a space")]
    public void Malformed_access_settings_are_refused(string setting, string value) =>
        Assert.NotNull(AccessSettings.RefusalToStart(Settings((setting, value))));

    [Fact]
    public void A_configured_admin_key_of_64_hex_digits_starts() =>
        Assert.Null(AccessSettings.RefusalToStart(Settings(("Auth:BootstrapAdminKey", new string('a', 64)))));

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
