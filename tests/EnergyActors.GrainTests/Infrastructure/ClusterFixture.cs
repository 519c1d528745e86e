using EnergyActors.Silo;
using Orleans.TestingHost;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// Two in-process silos (TestingHost) on the product's storage, over a fresh PostgreSQL database.
/// <typeparamref name="TConfigurator"/> adds what a collection needs beyond that (TestingHost wants a type, not an instance).
/// </summary>
public abstract class ClusterFixture<TConfigurator>(string databasePrefix) : IAsyncLifetime
    where TConfigurator : ISiloConfigurator, new()
{
    public TestCluster Cluster { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(databasePrefix);
        var builder = new TestClusterBuilder(2);
        builder.Properties["ConnectionStrings:Postgres"] = Database.ConnectionString;
        Configure(builder.Properties);
        builder.AddSiloBuilderConfigurator<StorageConfigurator>();
        builder.AddSiloBuilderConfigurator<TConfigurator>();
        builder.AddClientBuilderConfigurator<TestFleetScope>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Configuration the silos start with, beyond the connection string.</summary>
    protected virtual void Configure(IDictionary<string, string?> properties)
    {
    }

    private sealed class StorageConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddEnergyActorsStorage(siloBuilder.Configuration);
            siloBuilder.UseEnergyActorsGrainStorage();
        }
    }
}

/// <summary>A silo configurator that adds nothing: the product's storage is all a collection needs.</summary>
public sealed class NoSiloConfiguration : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
    }
}
