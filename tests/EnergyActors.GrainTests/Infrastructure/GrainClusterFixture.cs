using EnergyActors.Silo;
using EnergyActors.Silo.History;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>Two in-process silos (TestingHost) writing history to a fresh PostgreSQL database.</summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>Group commits made by all silos' history writers so far.</summary>
    public long Flushes => Cluster.Silos.Sum(silo => ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<HistoryWriter>().Flushes);

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("grains");
        var builder = new TestClusterBuilder(2);
        builder.Properties["ConnectionStrings:Postgres"] = Database.ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddEnergyActorsStorage(siloBuilder.Configuration);
            siloBuilder.UseEnergyActorsGrainStorage();
        }
    }
}
