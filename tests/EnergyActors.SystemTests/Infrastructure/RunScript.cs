using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// <c>deploy/local/run.sh</c> as a developer runs it, on a throwaway data folder, with its output kept and
/// the pids it publishes in <c>stack.pids</c>. Disposing stops it with SIGTERM and, should that fail, kills
/// whatever it left behind and removes the folder.
/// </summary>
public sealed partial class RunScript : IAsyncDisposable
{
    private const string BannerEnd = "Press Ctrl+C to stop.";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private Dictionary<string, int> _lastPids = [];

    private RunScript(string dataDir, int port, IEnumerable<string> arguments)
    {
        DataDir = dataDir;
        Gateway = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "deploy", "local", "run.sh"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        info.Environment["ENERGY_DATA_DIR"] = dataDir;
        info.Environment["ENERGY_DEMO_SITES"] = "0";
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public string DataDir { get; }

    public Uri Gateway { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts run.sh (Release binaries, already built) and waits until it has written stack.env (the stack serves)
    /// and its banner has reached us: the banner comes after stack.env and through a pipe we read asynchronously.
    /// </summary>
    public static async Task<RunScript> StartAsync(TimeSpan timeout, params string[] arguments)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"ea-run-{Guid.NewGuid():N}");
        var script = new RunScript(dataDir, FreePort.Next(), ["--no-build", .. arguments]);
        script._process.Start();
        script._process.BeginOutputReadLine();
        script._process.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!File.Exists(Path.Combine(dataDir, "stack.env")) || !script.Output.Contains(BannerEnd, StringComparison.Ordinal))
            {
                if (script._process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"run.sh did not bring the stack up within {timeout}:\n{script.Output}");
                }

                await Task.Delay(250);
            }

            return script;
        }
        catch
        {
            await script.DisposeAsync();
            throw;
        }
    }

    /// <summary>The running processes by name (run, postgres, silo0, …, gateway or gateway0, … and nginx), as run.sh last wrote them.</summary>
    public Dictionary<string, int> Pids()
    {
        var path = Path.Combine(DataDir, "stack.pids");
        if (File.Exists(path))
        {
            _lastPids = File.ReadAllLines(path)
                .Select(line => line.Split(' ', 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return new Dictionary<string, int>(_lastPids);
    }

    /// <summary>The connection string run.sh exported to the silos (stack.env, written with printf %q).</summary>
    public string ConnectionString()
    {
        var line = File.ReadAllLines(Path.Combine(DataDir, "stack.env")).Single(l => l.StartsWith("CONNECTION=", StringComparison.Ordinal));
        return Unquote().Replace(line["CONNECTION=".Length..], "$1");
    }

    /// <summary><c>deploy/local/cluster.sh</c> on this stack: its output, or an exception carrying it when it fails.</summary>
    public Task<string> ClusterAsync(TimeSpan timeout, params string[] arguments) =>
        ShellCommand.RunAsync(
            "env",
            [$"ENERGY_DATA_DIR={DataDir}", "bash", Path.Combine(RepositoryPaths.Root, "deploy", "local", "cluster.sh"), .. arguments],
            timeout);

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static Task SignalAsync(int pid, string signal) =>
        ShellCommand.RunAsync("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]);

    /// <summary>SIGTERM, as Ctrl+C would; true if run.sh exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        await SignalAsync(_process.Id, "TERM");
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!await StopAsync(TimeSpan.FromSeconds(90)))
        {
            // run.sh is stuck: take down what it started ourselves (its children have sessions of their own).
            var left = Pids().Where(p => p.Key != "run" && IsRunning(p.Value)).ToList();
            _process.Kill();
            await _process.WaitForExitAsync();
            foreach (var (name, pid) in left)
            {
                await SignalAsync(pid, name == "postgres" ? "INT" : "KILL");
            }

            for (var i = 0; i < 150 && left.Any(p => IsRunning(p.Value)); i++)
            {
                await Task.Delay(200);
            }
        }

        _process.Dispose();
        if (Directory.Exists(DataDir))
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Unquote();

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
