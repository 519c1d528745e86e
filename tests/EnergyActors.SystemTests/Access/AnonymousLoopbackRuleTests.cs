using System.Globalization;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Access;

/// <summary>
/// A gateway configured for anonymous local mode and an address that is not loopback refuses to start, saying why,
/// with a non-zero exit code, before it listens or reaches for the cluster.
/// </summary>
public sealed class AnonymousLoopbackRuleTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string[], string> Exposed => new()
    {
        { "--urls on every IPv4 interface", ["--urls", $"http://0.0.0.0:{Port()}"], "0.0.0.0" },
        { "--urls with a loopback and a wildcard address", ["--urls", $"http://127.0.0.1:{Port()};http://*:{Port()}"], "*" },
        { "--urls on every IPv6 interface", ["--urls", $"http://[::]:{Port()}"], "[::]" },
        { "a Kestrel endpoint on a host name", ["--Kestrel:Endpoints:Public:Url", $"http://example.com:{Port()}"], "example.com" },
    };

    [Theory]
    [MemberData(nameof(Exposed))]
    public async Task Anonymous_mode_on_an_address_that_is_not_loopback_refuses_to_start(string what, string[] arguments, string address)
    {
        var settings = new Dictionary<string, string>
        {
            // Nothing answers here: the gateway must stop before it needs the database or the cluster.
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Username=none;Password=none;Database=none",
            ["Auth__AnonymousFleet"] = "default",
        };
        await using var gateway = new ChildProcess("gateway", RepositoryPaths.GatewayDll, settings, arguments);
        gateway.Start();
        Assert.True(await gateway.WaitForExitAsync(ExitTimeout) is not null, $"{what}: the gateway is still running:\n{gateway.Tail()}");
        Assert.NotEqual(0, gateway.ExitCode);
        Assert.Contains("anonymous local mode", gateway.Output, StringComparison.Ordinal);
        Assert.Contains($"{address}", gateway.Output, StringComparison.Ordinal);
        Assert.Contains("loopback", gateway.Output, StringComparison.Ordinal);
    }

    private static string Port() => FreePort.Next().ToString(CultureInfo.InvariantCulture);
}
