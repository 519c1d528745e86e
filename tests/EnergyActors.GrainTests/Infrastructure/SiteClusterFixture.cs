using EnergyActors.Grains.Sites;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// Two in-process silos whose sites run on a fake clock the tests move forward, checking it every 20 ms,
/// while Orleans itself keeps real time.
/// </summary>
public sealed class SiteClusterFixture() : ClusterFixture<SiteClusterFixture.FakeClock>("sites")
{
    /// <summary>Shared by the in-process silos (their configurators cannot be handed an instance).</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 21, 0, 0, 0, TimeSpan.Zero));

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

    protected override void Configure(IDictionary<string, string?> properties) => properties["Sites:PollMilliseconds"] = "20";

    public sealed class FakeClock : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton(new SiteSimulationClock(Clock));
    }
}
