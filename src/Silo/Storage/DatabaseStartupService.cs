using EnergyActors.Silo.History;

namespace EnergyActors.Silo.Storage;

/// <summary>
/// Registered before Orleans so that, as hosted services start in order, the schema (Orleans'
/// membership tables included) and today's partitions exist before the silo joins the cluster, and its
/// connections are ready for the burst of vehicle rebuilds that follows a restart.
/// </summary>
public sealed class DatabaseStartupService(SchemaMigrator migrator, HistoryPartitioner partitioner, ConnectionWarmUp warmUp) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await partitioner.EnsurePartitionsAsync(cancellationToken);
        await warmUp.WarmAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
