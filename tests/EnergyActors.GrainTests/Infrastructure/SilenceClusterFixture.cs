using EnergyActors.Grains.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>Two in-process silos whose silence watch runs on a fake clock, looking every 100 ms; everything else keeps real time.</summary>
public sealed class SilenceClusterFixture() : ClusterFixture<SilenceClusterFixture.FakeSilenceClock>("silence")
{
    /// <summary>Shared by the in-process silos (their configurators cannot be handed an instance).</summary>
    public static FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public sealed class FakeSilenceClock : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.Services.AddSingleton(new SilenceClock(Clock, TimeSpan.FromMilliseconds(100)));
    }
}

[CollectionDefinition(Name)]
public sealed class SilenceClusterCollection : ICollectionFixture<SilenceClusterFixture>
{
    public const string Name = "silence cluster";
}
