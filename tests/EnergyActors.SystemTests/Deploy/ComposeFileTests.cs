using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;
using static EnergyActors.Tests.Deploy.DeployFiles;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// deploy/compose parsed as docker compose reads it (anchors and merge keys resolved) and held against the code and
/// nginx.conf: three silos that each advertise their own address, two gateways, nginx balancing over both.
/// </summary>
public sealed partial class ComposeFileTests(ITestOutputHelper output)
{
    private static readonly object Compose = LoadYaml(Path.Combine(DeployFiles.Compose, "docker-compose.yml")).Single();

    private static readonly string NginxConf = File.ReadAllText(Path.Combine(DeployFiles.Compose, "nginx.conf"));

    private static readonly string[] Silos = ["silo1", "silo2", "silo3"];

    private static readonly string[] Gateways = ["gateway1", "gateway2"];

    [Fact]
    public void Services_are_postgres_three_silos_two_gateways_and_nginx_on_the_images_dotnet_publish_makes()
    {
        Assert.Equal(["gateway1", "gateway2", "nginx", "postgres", "silo1", "silo2", "silo3"], Map(Compose, "services").Keys.Cast<string>().Order());
        foreach (var (services, project) in new[] { (Silos, "Silo"), (Gateways, "Gateway") })
        {
            foreach (var service in services)
            {
                Assert.Equal($"{DeployFiles.Container(project).Repository}:${{ENERGY_TAG:-latest}}", Text(Compose, $"services.{service}.image"));
            }
        }
    }

    [Fact]
    public void Every_variable_is_a_setting_and_the_silos_advertise_their_own_addresses()
    {
        var subnet = Text(List(Compose, "networks.cluster.ipam.config")[0], "subnet")!;
        var advertised = new HashSet<string>();
        foreach (var (service, keys) in Silos.Select(s => (s, ConfigurationKeys.Silo)).Concat(Gateways.Select(g => (g, ConfigurationKeys.Gateway))))
        {
            var env = Strings(Compose, $"services.{service}.environment");
            foreach (var variable in env.Keys)
            {
                Assert.True(keys.Contains(ConfigurationKeys.FromEnvironment(variable)), $"{service}: {variable} is no setting it reads");
            }

            Assert.Equal("energyactors", env["Orleans__ClusterId"]);
            Assert.Equal("energyactors", env["Orleans__ServiceId"]);
            Assert.DoesNotContain("Auth__AnonymousFleet", env.Keys);
            var management = new Uri(env["Operations__ManagementUrls"]).Port;
            Assert.Contains($"/dev/tcp/127.0.0.1/{management}", string.Join(' ', List(Compose, $"services.{service}.healthcheck.test")), StringComparison.Ordinal);
            if (Silos.Contains(service))
            {
                var address = env["Orleans__AdvertisedIP"];
                Assert.Equal(address, Text(Compose, $"services.{service}.networks.cluster.ipv4_address"));
                Assert.True(IPNetwork.Parse(subnet).Contains(IPAddress.Parse(address)), $"{address} is outside {subnet}");
                Assert.True(advertised.Add(address));
                Assert.Equal("11111", env["Orleans__SiloPort"]);
                Assert.Equal("30000", env["Orleans__GatewayPort"]);
                Assert.True(Seconds(Text(Compose, $"services.{service}.stop_grace_period")!) > int.Parse(env["shutdownTimeoutSeconds"], CultureInfo.InvariantCulture));
            }
            else
            {
                Assert.Equal(8080, new Uri(env["Urls"]).Port);
                Assert.Contains("Auth__BootstrapAdminKey", env.Keys);
            }
        }
    }

    [Fact]
    public void Nginx_balances_over_both_gateways_with_their_body_limit()
    {
        var servers = UpstreamServer().Matches(NginxConf).Select(m => m.Groups[1].Value).Order();
        Assert.Equal(Gateways.Select(g => $"{g}:8080"), servers);
        var maxBody = ConfigurationKeys.AppSettings("Gateway").GetProperty("Gateway").GetProperty("MaxRequestBodyBytes").GetInt64();
        var limit = BodyLimit().Match(NginxConf);
        Assert.True(limit.Success, "nginx.conf sets no client_max_body_size");
        Assert.Equal(maxBody, long.Parse(limit.Groups[1].Value, CultureInfo.InvariantCulture) * 1024 * 1024);
        Assert.Contains("./nginx.conf:/etc/nginx/nginx.conf:ro", List(Compose, "services.nginx.volumes").Cast<string>());
        Assert.Equal(Gateways, Map(Compose, "services.nginx.depends_on").Keys.Cast<string>().Order());
    }

    [Fact]
    public async Task Nginx_accepts_the_configuration()
    {
        if (!File.Exists("/usr/sbin/nginx"))
        {
            output.WriteLine("nginx is not installed: only the text checks ran");
            return;
        }

        // The gateways' names resolve on the compose network only; nginx resolves them while it checks, so loopback stands in.
        var work = Directory.CreateTempSubdirectory("energyactors-nginx-");
        try
        {
            var conf = Path.Combine(work.FullName, "nginx.conf");
            await File.WriteAllTextAsync(conf, UpstreamServer().Replace(NginxConf, m => $"server 127.0.0.1:{FreePort.Next()}"));
            var said = await ShellCommand.RunAsync("/usr/sbin/nginx", ["-t", "-p", work.FullName, "-c", conf, "-g", $"pid {work.FullName}/nginx.pid; error_log stderr;"]);
            output.WriteLine(said);
            Assert.Contains("syntax is ok", said, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static int Seconds(string duration) =>
        duration.EndsWith('s') ? int.Parse(duration[..^1], CultureInfo.InvariantCulture) : throw new FormatException(duration);

    [GeneratedRegex(@"server\s+(gateway\d+:\d+)")]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"client_max_body_size\s+(\d+)m;")]
    private static partial Regex BodyLimit();
}
