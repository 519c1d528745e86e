using Microsoft.Extensions.Options;

namespace EnergyActors.Silo.History;

/// <summary>
/// Keeps partitions ahead of the clock while the silo runs (the first pass runs at start-up, before Orleans) and
/// applies history retention, once soon after start and then on every round.
/// </summary>
public sealed partial class HistoryPartitionService(
    HistoryPartitioner partitioner,
    HistoryRetention retention,
    IOptions<HistoryPartitionOptions> options,
    TimeProvider timeProvider,
    ILogger<HistoryPartitionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CheckIntervalMinutes), timeProvider);
        await ApplyRetentionAsync(stoppingToken);
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

            await ApplyRetentionAsync(stoppingToken);
        }
    }

    private async Task ApplyRetentionAsync(CancellationToken stoppingToken)
    {
        try
        {
            await retention.ApplyAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Old days only stay a little longer; try again next round.
            LogRetentionFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ensure history partitions; will retry")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not apply history retention; will retry")]
    private partial void LogRetentionFailed(Exception exception);
}
