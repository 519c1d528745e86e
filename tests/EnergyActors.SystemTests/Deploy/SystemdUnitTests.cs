using System.Globalization;
using System.Text.RegularExpressions;
using EnergyActors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace EnergyActors.Tests.Deploy;

/// <summary>
/// The systemd units in deploy/systemd pass <c>systemd-analyze verify</c> (their command pointed at this machine's
/// dotnet and the dlls just built, so the check covers the executable too), keep their hardening, and their
/// example environment files name only configuration keys the silo and gateway really read.
/// </summary>
public sealed partial class SystemdUnitTests(ITestOutputHelper output)
{
    private const string InstalledDotnet = "/usr/bin/dotnet";

    /// <summary>Far above what the units score (about 1.6, "OK"); losing the sandboxing settings goes well past it.</summary>
    private const double MaxExposure = 3.0;

    public static TheoryData<string> Services => ["silo", "gateway"];

    private static string SystemdFolder => Path.Combine(RepositoryPaths.Root, "deploy", "systemd");

    [SkippableTheory]
    [MemberData(nameof(Services))]
    public async Task The_unit_passes_systemd_analyze_verify_and_keeps_its_sandbox(string service)
    {
        var analyze = FindOnPath("systemd-analyze");
        Skip.If(analyze is null, "systemd-analyze is missing (deploy/local/test.sh installs Debian's systemd package).");
        var unitName = $"energyactors-{service}.service";
        var unit = await File.ReadAllTextAsync(Path.Combine(SystemdFolder, unitName));
        var dll = service == "silo" ? RepositoryPaths.SiloDll : RepositoryPaths.GatewayDll;
        var installedDll = $"/opt/energyactors/{service}/{Path.GetFileName(dll)}";
        Assert.Contains($"ExecStart={InstalledDotnet} {installedDll}\n", unit, StringComparison.Ordinal);
        Assert.Contains($"EnvironmentFile=/etc/energyactors/{service}.env\n", unit, StringComparison.Ordinal);
        Assert.Contains("Type=notify\n", unit, StringComparison.Ordinal);
        // The JIT writes code and then runs it: with this set, the runtime could not start.
        Assert.DoesNotContain("MemoryDenyWriteExecute", Settings(unit).Keys);

        var folder = Directory.CreateTempSubdirectory("energyactors-systemd-");
        try
        {
            var copy = Path.Combine(folder.FullName, unitName);
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? FindOnPath("dotnet") ?? InstalledDotnet;
            await File.WriteAllTextAsync(copy, unit.Replace($"{InstalledDotnet} {installedDll}", $"{dotnet} {dll}", StringComparison.Ordinal));

            // Exits non-zero on errors (a command that is not executable); warnings (an unknown or unparsable
            // setting, which systemd would ignore) only show in the output, so any line about the unit fails too.
            var verify = await ShellCommand.RunAsync(analyze!, ["verify", copy]);
            output.WriteLine($"systemd-analyze verify {unitName}: {(verify.Length == 0 ? "no remarks" : verify)}");
            Assert.DoesNotContain(unitName, verify, StringComparison.Ordinal);

            var security = await ShellCommand.RunAsync(analyze!, ["security", "--offline=true", "--no-pager", copy]);
            var exposure = ExposureLine().Match(security);
            Assert.True(exposure.Success, security);
            output.WriteLine(exposure.Value);
            Assert.True(double.Parse(exposure.Groups[1].Value, CultureInfo.InvariantCulture) <= MaxExposure, exposure.Value);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_key_of_the_example_environment_file_is_one_the_process_reads(string service)
    {
        var known = service == "silo" ? ConfigurationKeys.Silo : ConfigurationKeys.Gateway;
        var variables = await ExampleVariablesAsync(service);
        var unknown = variables.Keys.Where(v => !ConfigurationKeys.IsKnown(known, ConfigurationKeys.FromEnvironment(v))).ToList();
        output.WriteLine($"{service}.env.example: {variables.Count} keys ({string.Join(", ", variables.Keys)})");

        Assert.True(unknown.Count == 0, $"{service}.env.example names keys nothing reads: {string.Join(", ", unknown)}");
        Assert.Contains("ConnectionStrings__Postgres", variables.Keys);
        Assert.Contains("ASPNETCORE_URLS", variables.Keys);
    }

    [Fact]
    public async Task The_examples_give_silos_and_gateways_the_same_cluster_and_each_silo_its_address_and_ports()
    {
        var silo = await ExampleVariablesAsync("silo");
        var gateway = await ExampleVariablesAsync("gateway");

        foreach (var key in new[] { "Orleans__ClusterId", "Orleans__ServiceId" })
        {
            Assert.Equal(silo[key], gateway[key]);
        }

        Assert.All(new[] { "Orleans__AdvertisedIP", "Orleans__SiloPort", "Orleans__GatewayPort" }, key => Assert.Contains(key, silo.Keys));
    }

    /// <summary>Every assignment in the file, commented-out ones included: those are documentation and must not drift either.</summary>
    private static async Task<Dictionary<string, string>> ExampleVariablesAsync(string service)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(SystemdFolder, $"{service}.env.example")))
        {
            if (Assignment().Match(line) is { Success: true } match)
            {
                variables[match.Groups[1].Value] = match.Groups[2].Value;
            }
        }

        return variables;
    }

    private static Dictionary<string, string> Settings(string unit) =>
        unit.Split('\n')
            .Where(l => l.Length > 0 && char.IsLetter(l[0]) && l.Contains('=', StringComparison.Ordinal))
            .GroupBy(l => l[..l.IndexOf('=', StringComparison.Ordinal)])
            .ToDictionary(g => g.Key, g => g.Last()[(g.Key.Length + 1)..]);

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex(@"^#?([A-Za-z_][A-Za-z0-9_]*)=(.*)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"Overall exposure level for \S+: ([0-9.]+) \S+")]
    private static partial Regex ExposureLine();
}
