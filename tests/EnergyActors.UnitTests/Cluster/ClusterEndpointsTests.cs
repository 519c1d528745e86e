using System.Net;
using EnergyActors.Silo;

namespace EnergyActors.Tests.Cluster;

/// <summary>What a silo advertises and binds, from its Orleans settings, and the settings it refuses to start with.</summary>
public sealed class ClusterEndpointsTests
{
    [Fact]
    public void Unset_listening_address_and_ports_default_to_the_advertised_ones()
    {
        var endpoints = ClusterEndpoints.Resolve(new ClusterHostOptions { AdvertisedIP = "10.0.0.5", SiloPort = 11111, GatewayPort = 30000 });

        Assert.Equal(IPAddress.Parse("10.0.0.5"), endpoints.AdvertisedIP);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 11111), endpoints.SiloListening);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 30000), endpoints.GatewayListening);
    }

    [Fact]
    public void Behind_nat_the_silo_binds_other_address_and_ports_than_it_advertises()
    {
        var endpoints = ClusterEndpoints.Resolve(new ClusterHostOptions
        {
            AdvertisedIP = "203.0.113.7",
            SiloPort = 21111,
            GatewayPort = 40000,
            ListenIP = "0.0.0.0",
            SiloListeningPort = 11111,
            GatewayListeningPort = 30000,
        });

        Assert.Equal((21111, 40000), (endpoints.SiloPort, endpoints.GatewayPort));
        Assert.Equal(new IPEndPoint(IPAddress.Any, 11111), endpoints.SiloListening);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 30000), endpoints.GatewayListening);
    }

    [Fact]
    public void The_advertised_address_can_come_from_a_network_interface()
    {
        var endpoints = ClusterEndpoints.Resolve(new ClusterHostOptions { AdvertisedIP = "ignored.invalid", AdvertisedInterface = "lo" });

        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIP);
    }

    [Fact]
    public void The_advertised_address_can_be_a_host_name()
    {
        var endpoints = ClusterEndpoints.Resolve(new ClusterHostOptions { AdvertisedIP = "localhost" });

        Assert.True(IPAddress.IsLoopback(endpoints.AdvertisedIP));
    }

    [Theory]
    [InlineData("0.0.0.0", null, "Orleans:AdvertisedIP: 0.0.0.0 cannot be dialled")]
    [InlineData("", null, "Orleans:AdvertisedIP: '' is neither an IP address nor a host name")]
    [InlineData("no-such-host.invalid", null, "Orleans:AdvertisedIP: 'no-such-host.invalid' is neither")]
    [InlineData("127.0.0.1", "ea-missing0", "Orleans:AdvertisedInterface: no network interface 'ea-missing0'")]
    public void An_address_nobody_can_dial_stops_the_silo_with_the_setting_named(string advertised, string? networkInterface, string message)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            ClusterEndpoints.Resolve(new ClusterHostOptions { AdvertisedIP = advertised, AdvertisedInterface = networkInterface }));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_setting_is_named_at_once()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ClusterEndpoints.Resolve(new ClusterHostOptions
        {
            ListenIP = "every-interface",
            SiloPort = 30000,
            GatewayPort = 30000,
            SiloListeningPort = 70000,
        }));

        Assert.Contains("Orleans:ListenIP: 'every-interface' is not an IP address", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Orleans:SiloPort and Orleans:GatewayPort are both 30000", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Orleans:SiloListeningPort: 70000 is not a TCP port", refused.Message, StringComparison.Ordinal);
    }
}
