using System.Globalization;
using System.Net.Sockets;
using System.Text;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// The units are <c>Type=notify</c>: systemd counts the silo started only when it says READY=1, which must come after
/// it has migrated and joined the cluster, not when the process appears. Without systemd on the test machine, a
/// stand-in parent named "systemd" (how the host recognises it) starts the real silo with a notification socket
/// of the test's own, exactly the protocol systemd uses.
/// </summary>
public sealed class SystemdNotifyTests(ITestOutputHelper output)
{
    /// <summary>Forwards SIGTERM to the silo as systemd would send it, and exits with the silo's status.</summary>
    private const string StandInParent = """
        #!/bin/sh
        dotnet "$@" &
        child=$!
        trap 'kill -TERM $child' TERM
        wait $child
        wait $child
        """;

    [Fact]
    public async Task The_silo_tells_systemd_it_is_ready_only_once_it_serves_and_that_it_stops_on_SIGTERM()
    {
        await using var database = await TestDatabase.CreateAsync("notify");
        var folder = Directory.CreateTempSubdirectory("energyactors-notify-");
        try
        {
            var parent = Path.Combine(folder.FullName, "systemd");
            await File.WriteAllTextAsync(parent, StandInParent.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n");
            await ShellCommand.RunAsync("chmod", ["700", parent]);
            var socketPath = Path.Combine(folder.FullName, "notify");
            using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            notify.Bind(new UnixDomainSocketEndPoint(socketPath));

            var httpPort = FreePort.Next();
            var environment = new Dictionary<string, string>
            {
                ["NOTIFY_SOCKET"] = socketPath,
                ["ConnectionStrings__Postgres"] = database.ConnectionString,
                ["Orleans__ClusterId"] = $"notify-{Guid.NewGuid():N}",
                ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
                ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            };
            await using var silo = new ChildProcess("silo", RepositoryPaths.SiloDll, environment, "--urls", $"http://127.0.0.1:{httpPort}") { Program = parent };
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var started = DateTime.UtcNow;
            silo.Start();

            var ready = await ReceiveAsync(notify, "READY=1", TimeSpan.FromSeconds(90), silo);
            output.WriteLine($"READY=1 after {(DateTime.UtcNow - started).TotalSeconds:F1} s ({ready.Trim()})");
            // Already serving when it says so: systemctl start returns, and a rolling upgrade moves on, only then.
            using (var health = await http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/health/ready")))
            {
                Assert.Equal(200, (int)health.StatusCode);
            }

            await silo.StopAsync(TimeSpan.FromSeconds(60));
            var stopping = await ReceiveAsync(notify, "STOPPING=1", TimeSpan.FromSeconds(5), silo);
            output.WriteLine($"{stopping.Trim()}; exit code {silo.ExitCode}");
            Assert.Equal(0, silo.ExitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The first datagram containing <paramref name="expected"/>, failing with the silo's output if none comes.</summary>
    private static async Task<string> ReceiveAsync(Socket socket, string expected, TimeSpan timeout, ChildProcess silo)
    {
        var buffer = new byte[4096];
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                var message = Encoding.UTF8.GetString(buffer, 0, length);
                if (message.Contains(expected, StringComparison.Ordinal))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {expected} within {timeout}:\n{silo.Tail()}");
        }
    }
}
