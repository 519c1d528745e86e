using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// A silo or gateway running as a real process (dotnet EnergyActors.*.dll), with its output kept
/// for diagnostics and the two ways to end it: SIGTERM (graceful) and SIGKILL (a crash).
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo _startInfo;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public ChildProcess(string name, string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        Name = name;
        _startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        _startInfo.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            _startInfo.ArgumentList.Add(argument);
        }

        _startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        _startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _startInfo.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            _startInfo.Environment[key] = value;
        }
    }

    public string Name { get; }

    /// <summary>A command line the process runs under (e.g. <c>ip netns exec ns</c>, which execs it in place); none by default.</summary>
    public IReadOnlyList<string> Launcher { get; init; } = [];

    /// <summary>What is started, given the dll and arguments: dotnet, unless a test puts a stand-in parent in between.</summary>
    public string Program
    {
        get => _startInfo.FileName;
        init => _startInfo.FileName = value;
    }

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>The exit code once the process has exited.</summary>
    public int ExitCode => _process!.ExitCode;

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

    public void Start()
    {
        if (Launcher.Count > 0 && _startInfo.FileName != Launcher[0])
        {
            List<string> command = [.. Launcher.Skip(1), _startInfo.FileName, .. _startInfo.ArgumentList];
            _startInfo.FileName = Launcher[0];
            _startInfo.ArgumentList.Clear();
            command.ForEach(_startInfo.ArgumentList.Add);
        }

        var process = new Process { StartInfo = _startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200, failing with the process output if it never does.</summary>
    public async Task WaitUntilHealthyAsync(HttpClient http, string url, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(http);
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start-up:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(url));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException ex)
            {
                // Not listening yet.
                last = ex.Message;
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
                last = "timed out";
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not healthy at {url} within {timeout} (last answer: {last}):\n{Tail()}");
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to end by itself; its exit code, or null if it still runs.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        if (_process is null)
        {
            return null;
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>SIGTERM, as an orchestrator would; SIGKILL if it has not stopped within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        await ShellCommand.RunAsync("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        using var cts = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            // The process alone (a silo or gateway starts no children): killing the tree first SIGSTOPs it and
            // walks every process in /proc, which on a busy host leaves it frozen for seconds before the SIGKILL,
            // so a test could not tell when the crash happened.
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }
    }

    public string Tail(int lines = 80)
    {
        var all = Output.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(15));
        _process?.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Keep the tail only: long load tests must not grow memory without bound.
            if (_output.Length > 1_000_000)
            {
                _output.Remove(0, 500_000);
            }

            _output.AppendLine(line);
        }
    }
}
