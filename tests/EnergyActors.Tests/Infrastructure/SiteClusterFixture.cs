using EnergyActors.Grains.Sites;
using EnergyActors.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// Two in-process silos whose sites run on a fake clock the tests move forward, checking it every 20 ms,
/// while Orleans itself keeps real time.
/// </summary>
public sealed class SiteClusterFixture : IAsyncLifetime
{
    /// <summary>Shared by the in-process silos (their configurators cannot be handed an instance).</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 21, 0, 0, 0, TimeSpan.Zero));

    public TestCluster Cluster { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("sites");
        var builder = new TestClusterBuilder(2);
        builder.Properties["ConnectionStrings:Postgres"] = Database.ConnectionString;
        builder.Properties["Sites:PollMilliseconds"] = "20";
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

    /// <summary>Moves the sites' clock and waits until history holds <paramref name="rows"/> rows for <paramref name="siteId"/>.</summary>
    public async Task AdvanceUntilRowsAsync(string siteId, TimeSpan by, long rows)
    {
        Clock.Advance(by);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await Database.ScalarAsync("SELECT count(*) FROM site_readings WHERE site_id = $1", siteId) < rows)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Site {siteId} did not reach {rows} rows.");
            }

            await Task.Delay(20);
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSingleton(new SiteSimulationClock(Clock));
            siloBuilder.Services.AddEnergyActorsStorage(siloBuilder.Configuration);
            siloBuilder.UseEnergyActorsGrainStorage();
        }
    }
}
