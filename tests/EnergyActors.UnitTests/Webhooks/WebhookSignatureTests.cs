using System.Net;
using System.Text;
using EnergyActors.Silo.Webhooks;

namespace EnergyActors.UnitTests.Webhooks;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_the_body_with_the_secret()
    {
        // RFC 4231, test case 2.
        var signature = WebhookSignature.Sign("Jefe", Encoding.ASCII.GetBytes("what do ya want for nothing?"));
        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
        Assert.True(WebhookSignature.Verify("Jefe", Encoding.ASCII.GetBytes("what do ya want for nothing?"), signature));
        Assert.False(WebhookSignature.Verify("Jefe", Encoding.ASCII.GetBytes("what do ya want for nothing!"), signature));
        Assert.False(WebhookSignature.Verify("Jefe", "x"u8, null));
    }

    [Theory]
    [InlineData(1, 0.0, 1.0)]
    [InlineData(1, 0.999, 2.0)]
    [InlineData(3, 0.0, 4.0)]
    [InlineData(20, 0.0, 150.0)]
    [InlineData(20, 0.999, 300.0)]
    public void Retries_wait_doubling_with_jitter_up_to_the_longest(int attempts, double jitter, double seconds)
    {
        var options = new WebhookOptions { FirstRetrySeconds = 2, MaxRetrySeconds = 300 };
        Assert.Equal(seconds, WebhookBackoff.After(attempts, options, jitter).TotalSeconds, 0.5);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700::1111", true)]
    public void Receivers_on_private_networks_are_refused_unless_allowed(string address, bool reachable) =>
        Assert.Equal(reachable, WebhookNetworkGuard.IsPublic(IPAddress.Parse(address)));
}
