using System.Security.Cryptography;
using Npgsql;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server for tests. The shared one is the server the test script started
/// (<c>ENERGY_TEST_PG_ADMIN</c>), or a private one when tests run without it. Fault tests start
/// their own private server so they can stop and start it without disturbing anyone else.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static string? _sharedAdmin;

    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private readonly bool _asPostgresUser;
    private readonly PostgresListener _listener;
    private string _tlsSettings = string.Empty;

    private PostgresServer(string bin, string root, int port, PostgresListener? listener)
    {
        _listener = listener ?? PostgresListener.Loopback;
        _bin = bin;
        _root = root;
        _data = Path.Combine(root, "data");
        Port = port;
        _asPostgresUser = Environment.UserName == "root";
        // Alphanumeric, so it needs no quoting in a connection string.
        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    }

    public int Port { get; }

    /// <summary>The postgres role's password (every connection needs it: scram-sha-256, as deploy/local does).</summary>
    public string Password { get; }

    public string AdminConnectionString => $"Host={_listener.Address};Port={Port};Username=postgres;Password={Password};Database=postgres;Pooling=false;Timeout=5";

    public static async Task<string> SharedAdminConnectionStringAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            if (_sharedAdmin is null)
            {
                var fromScript = Environment.GetEnvironmentVariable("ENERGY_TEST_PG_ADMIN");
                if (!string.IsNullOrWhiteSpace(fromScript))
                {
                    _sharedAdmin = fromScript;
                }
                else
                {
                    var server = await StartPrivateAsync();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    _sharedAdmin = server.AdminConnectionString;
                }
            }

            return _sharedAdmin;
        }
        finally
        {
            SharedLock.Release();
        }
    }

    /// <summary>
    /// A server of the test's own; with <paramref name="tls"/>, one that offers TLS (<c>ssl=on</c>) with that certificate
    /// and key, as a production server would. Clients still choose (Npgsql's <c>SSL Mode</c>). With <paramref name="listener"/>,
    /// one on another machine's address that lets that machine's network in (with the password, as every client).
    /// </summary>
    public static async Task<PostgresServer> StartPrivateAsync(IssuedCertificate? tls = null, PostgresListener? listener = null)
    {
        var root = Path.Combine(Path.GetTempPath(), $"ea-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var server = new PostgresServer(FindBin(), root, FreePort.Next(), listener);
        if (server._asPostgresUser)
        {
            await ShellCommand.RunAsync("chown", ["postgres:postgres", root]);
        }

        // initdb reads the password from a file the server's OS user can read and nobody else can.
        var passwordFile = Path.Combine(root, "password");
        await File.WriteAllTextAsync(passwordFile, string.Empty);
        await ShellCommand.RunAsync("chmod", ["600", passwordFile]);
        await File.WriteAllTextAsync(passwordFile, server.Password + "\n");
        if (server._asPostgresUser)
        {
            await ShellCommand.RunAsync("chown", ["postgres:postgres", passwordFile]);
        }

        if (tls is not null)
        {
            await server.InstallTlsAsync(tls);
        }

        await server.RunAsync("initdb", [
            "-D", server._data, "-U", "postgres", "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
            $"--pwfile={passwordFile}", "-E", "UTF8", "--no-sync",
        ]);
        if (listener is not null)
        {
            await File.AppendAllTextAsync(Path.Combine(server._data, "pg_hba.conf"), $"host all all {listener.ClientSubnet} scram-sha-256\n");
        }

        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var options = $"-p {Port} -k {_root} -c listen_addresses={_listener.Address} -c max_connections=300 -c shared_buffers=256MB{_tlsSettings}";
        await RunAsync("pg_ctl", ["-D", _data, "-o", options, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "start"]);
    }

    public Task StopAsync() => RunAsync("pg_ctl", ["-D", _data, "-m", "fast", "-w", "-t", "60", "stop"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    // PostgreSQL refuses a key file that others may read, and reads both files as its own OS user.
    private async Task InstallTlsAsync(IssuedCertificate tls)
    {
        var certificate = Path.Combine(_root, "server.crt");
        var key = Path.Combine(_root, "server.key");
        File.Copy(tls.CertificatePath, certificate);
        File.Copy(tls.KeyPath, key);
        await ShellCommand.RunAsync("chmod", ["600", key]);
        if (_asPostgresUser)
        {
            await ShellCommand.RunAsync("chown", ["postgres:postgres", certificate, key]);
        }

        _tlsSettings = $" -c ssl=on -c ssl_cert_file={certificate} -c ssl_key_file={key}";
    }

    private Task<string> RunAsync(string tool, IEnumerable<string> arguments)
    {
        List<string> command = _asPostgresUser
            ? [.. _listener.Launcher, "runuser", "-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]
            : [.. _listener.Launcher, Path.Combine(_bin, tool), .. arguments];
        return ShellCommand.RunAsync(command[0], command.Skip(1));
    }

    private static string FindBin()
    {
        var fromScript = Environment.GetEnvironmentVariable("ENERGY_TEST_PG_BIN");
        if (!string.IsNullOrWhiteSpace(fromScript))
        {
            return fromScript;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException("PostgreSQL server binaries not found; run the tests through deploy/local/test.sh.");
    }
}
