using EnergyActors.Silo.History;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>Two in-process silos writing history to a fresh PostgreSQL database.</summary>
public sealed class GrainClusterFixture() : ClusterFixture<NoSiloConfiguration>("grains")
{
    /// <summary>Group commits made by all silos' history writers so far.</summary>
    public long Flushes => Cluster.Silos.Sum(silo => ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<HistoryWriter>().Flushes);
}
