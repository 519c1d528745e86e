namespace EnergyActors.Tests.Infrastructure;

/// <summary>Finds the built silo, gateway and simulator next to the tests, so process tests run exactly what was built.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: whatever the test assembly itself was built as.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string SiloDll => Built("Silo", "EnergyActors.Silo.dll");

    public static string GatewayDll => Built("Gateway", "EnergyActors.Gateway.dll");

    public static string SimulatorDll => Built("Simulator", "EnergyActors.Simulator.dll");

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the solution first: {path} is missing.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnergyActors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EnergyActors.sln not found above the test binaries.");
    }
}
