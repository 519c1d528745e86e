using System.Diagnostics;
using System.Threading.Channels;
using EnergyActors.Grains;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Silo.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>
/// The silo's single path into history: every grain of the silo hands its rows here, and a few
/// flusher connections commit them in shared batches (group commit). A caller's task completes only
/// after its batch committed, so grains apply readings to memory strictly after they are durable.
/// </summary>
public sealed partial class HistoryWriter : BackgroundService, IHistoryWriter
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly HistoryWriterOptions _options;
    private readonly HistoryMetrics _metrics;
    private readonly ILogger<HistoryWriter> _logger;
    private readonly HistoryBatchCommit _commit;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>();
    private readonly SemaphoreSlim _collectTurn = new(1, 1);
    private long _outstandingRows;
    private long _flushes;

    public HistoryWriter(NpgsqlDataSource dataSource, IOptions<HistoryWriterOptions> options, HistoryMetrics metrics, ILogger<HistoryWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _dataSource = dataSource;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        _commit = new HistoryBatchCommit(logger, new DirectCopyPolicy(_options.DirectCopy, _options.StagedBatchesAfterConflict), metrics);
        metrics.ObserveQueueDepth = () => Interlocked.Read(ref _outstandingRows);
    }

    /// <summary>Batches committed since start; tests use it to see that concurrent callers share commits.</summary>
    public long Flushes => Interlocked.Read(ref _flushes);

    public Task<HistoryCommit> AppendMeterReadings(string meterId, IReadOnlyList<MeterReading> readings) =>
        Enqueue(new PendingWrite<MeterReading>(HistoryTables.Meter, meterId, readings));

    public Task<HistoryCommit> AppendSiteReadings(string siteId, IReadOnlyList<SiteReading> readings) =>
        Enqueue(new PendingWrite<SiteReading>(HistoryTables.Site, siteId, readings));

    public Task<HistoryCommit> AppendVehicleReadings(string vehicleId, IReadOnlyList<VehicleReading> readings) =>
        Enqueue(new PendingWrite<VehicleReading>(HistoryTables.Vehicle, vehicleId, readings));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Refuse new rows but let the flushers drain what callers are already waiting on.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _collectTurn.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var flushers = new Task[_options.Writers];
        for (var i = 0; i < flushers.Length; i++)
        {
            flushers[i] = Task.Run(RunFlusherAsync, CancellationToken.None);
        }

        return Task.WhenAll(flushers);
    }

    private Task<HistoryCommit> Enqueue<TRow>(PendingWrite<TRow> write)
    {
        if (write.RowCount == 0)
        {
            return Task.FromResult(new HistoryCommit([], 0));
        }

        var outstanding = Interlocked.Add(ref _outstandingRows, write.RowCount);
        // A single write larger than the whole queue is still taken when nothing else waits, so it can never starve.
        if (outstanding > _options.QueueCapacityRows && outstanding != write.RowCount)
        {
            Interlocked.Add(ref _outstandingRows, -write.RowCount);
            _metrics.Refused(write.RowCount, "queue_full");
            throw new BackPressureException("The history queue is full; retry later.", _options.RetryAfterSeconds);
        }

        if (!_queue.Writer.TryWrite(write))
        {
            Interlocked.Add(ref _outstandingRows, -write.RowCount);
            _metrics.Refused(write.RowCount, "stopping");
            throw new BackPressureException("The silo is shutting down; retry later.", _options.RetryAfterSeconds);
        }

        return write.Completion;
    }

    private async Task RunFlusherAsync()
    {
        var batch = new List<PendingWrite>();
        NpgsqlConnection? connection = null;
        try
        {
            while (await CollectAsync(batch))
            {
                connection = await FlushAsync(batch, connection);
                batch.Clear();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Takes the next batch: up to MaxBatchRows, waiting at most MaxBatchDelay after its first row.
    /// One flusher collects at a time, so while one batch commits the next one fills up.
    /// </summary>
    private async Task<bool> CollectAsync(List<PendingWrite> batch)
    {
        var reader = _queue.Reader;
        await _collectTurn.WaitAsync();
        try
        {
            if (!await reader.WaitToReadAsync())
            {
                return false;
            }

            var rows = 0;
            var deadline = Stopwatch.GetTimestamp() + (_options.MaxBatchDelayMilliseconds * Stopwatch.Frequency / 1000);
            while (true)
            {
                while (rows < _options.MaxBatchRows && reader.TryRead(out var write))
                {
                    batch.Add(write);
                    rows += write.RowCount;
                }

                var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                if (rows >= _options.MaxBatchRows || remaining <= TimeSpan.Zero)
                {
                    return true;
                }

                var more = reader.WaitToReadAsync().AsTask();
                if (await Task.WhenAny(more, Task.Delay(remaining)) != more || !await more)
                {
                    return true;
                }
            }
        }
        finally
        {
            _collectTurn.Release();
        }
    }

    private async Task<NpgsqlConnection?> FlushAsync(List<PendingWrite> batch, NpgsqlConnection? connection)
    {
        var rows = 0;
        foreach (var write in batch)
        {
            rows += write.RowCount;
        }

        var started = Stopwatch.GetTimestamp();
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                connection ??= await OpenWriterConnectionAsync();
                var (outcomes, transactionId) = await _commit.CommitAsync(connection, batch);
                Interlocked.Increment(ref _flushes);
                _metrics.Flushed(rows, Stopwatch.GetElapsedTime(started));
                Complete(batch, outcomes, transactionId);
                Interlocked.Add(ref _outstandingRows, -rows);
                return connection;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < attempts)
            {
                // Two flushers inserting overlapping keys can deadlock; nothing committed, so the batch is simply retried.
                LogFlushRetry(ex, rows, attempt);
            }
            catch (Exception ex) when (StorageFailure.IsTransient(ex))
            {
                LogFlushFailed(ex, rows);
                _metrics.FlushFailed();
                _metrics.Refused(rows, "storage_unavailable");
                var unavailable = new BackPressureException("PostgreSQL is unavailable; nothing was stored, retry later.", _options.RetryAfterSeconds);
                Fail(batch, unavailable, rows);
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                await Task.Delay(_options.FailureBackoffMilliseconds);
                return null;
            }
            catch (Exception ex)
            {
                // Neither unavailability nor one row's content (that was isolated above): a bug, answered 500.
                LogFlushBroken(ex, rows);
                _metrics.FlushFailed();
                Fail(batch, ex, rows);
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                return null;
            }
        }
    }

    private async Task<NpgsqlConnection> OpenWriterConnectionAsync()
    {
        var connection = await _dataSource.OpenConnectionAsync();
        try
        {
            foreach (var table in HistoryTables.All)
            {
                await using var create = new NpgsqlCommand(table.CreateStagingSql, connection);
                await create.ExecuteNonQueryAsync();
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
