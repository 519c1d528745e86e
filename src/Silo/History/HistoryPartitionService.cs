using Microsoft.Extensions.Options;

namespace EnergyActors.Silo.History;

/// <summary>Keeps partitions ahead of the clock while the silo runs (the first pass runs at start-up, before Orleans).</summary>
public sealed partial class HistoryPartitionService(
    HistoryPartitioner partitioner,
    IOptions<HistoryPartitionOptions> options,
    TimeProvider timeProvider,
    ILogger<HistoryPartitionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CheckIntervalMinutes), timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await partitioner.EnsurePartitionsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Missing partitions only mean rows land in the default partition; try again next round.
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ensure history partitions; will retry")]
    private partial void LogFailed(Exception exception);
}
