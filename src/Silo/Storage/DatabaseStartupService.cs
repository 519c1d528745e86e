using EnergyActors.Silo.History;

namespace EnergyActors.Silo.Storage;

/// <summary>
/// Registered before Orleans so that, as hosted services start in order, the schema (Orleans'
/// membership tables included) and today's partitions exist before the silo joins the cluster.
/// </summary>
public sealed class DatabaseStartupService(SchemaMigrator migrator, HistoryPartitioner partitioner) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await partitioner.EnsurePartitionsAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
