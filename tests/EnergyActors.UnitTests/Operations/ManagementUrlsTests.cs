using EnergyActors.ServiceDefaults.Operations;

namespace EnergyActors.Tests.Operations;

/// <summary>Management URLs are told apart from public ones by port: what the setting accepts, and what it refuses.</summary>
public sealed class ManagementUrlsTests
{
    private static readonly string[] PublicUrls = ["http://127.0.0.1:5000", "https://0.0.0.0:5001"];

    [Fact]
    public void Several_urls_separated_by_semicolons_name_their_ports()
    {
        var urls = ManagementUrls.Parse(" http://127.0.0.1:9100 ; http://10.0.0.5:9100;https://[::1]:9443/ ", PublicUrls);

        Assert.Equal(["http://127.0.0.1:9100", "http://10.0.0.5:9100", "https://[::1]:9443/"], urls.Urls);
        Assert.True(urls.Contains(9100));
        Assert.True(urls.Contains(9443));
        Assert.False(urls.Contains(5000));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ; ")]
    public void Nothing_written_means_no_management_url(string? written)
    {
        var urls = ManagementUrls.Parse(written, PublicUrls);

        Assert.Empty(urls.Urls);
        Assert.False(urls.Contains(5000));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", "port 5000 is also served")]
    [InlineData("http://10.0.0.5:5001", "port 5001 is also served")]
    [InlineData("http://127.0.0.1:0", "fixed port")]
    [InlineData("http://127.0.0.1:9100/ops", "no path")]
    [InlineData("http://unix:/run/energy.sock", "fixed port")]
    [InlineData("ftp://127.0.0.1:9100", "http(s)://")]
    [InlineData("127.0.0.1:9100", "http(s)://")]
    public void A_url_that_cannot_be_told_apart_from_the_public_ones_refuses_to_start(string written, string reason)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => ManagementUrls.Parse(written, PublicUrls));

        Assert.Contains(ManagementUrls.SettingName, refusal.Message, StringComparison.Ordinal);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
    }
}
