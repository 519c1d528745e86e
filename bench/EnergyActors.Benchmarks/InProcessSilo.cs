using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Silo;
using EnergyActors.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Benchmarks;

/// <summary>One silo in this process with the product's real storage, history writer and grains (localhost clustering).</summary>
internal static class InProcessSilo
{
    public static async Task<IHost> StartAsync(string connection)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connection });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddEnergyActorsStorage(builder.Configuration);
        builder.Services.AddHostedService<DatabaseStartupService>();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort: 21_111, gatewayPort: 31_000, serviceId: "energyactors-bench", clusterId: $"bench-{Guid.NewGuid():N}")
            .UseEnergyActorsGrainStorage());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>
    /// Grain calls from here on act for the fleet the benchmark's devices belong to, as a gateway's calls act for their
    /// caller's (grains refuse calls that carry no fleet). Called by each command itself: a scope entered inside an
    /// async method would not outlive it.
    /// </summary>
    public static void ActForBenchFleet() => FleetScope.Enter("default");
}
