using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EnergyActors.Grains.Abstractions.Feeds;

namespace EnergyActors.Gateway.OperatorConsole;

/// <summary>
/// This gateway's watch on the fleets its event streams follow: one observer for all of them, subscribed to each
/// watched fleet's feed grain and renewed well within the subscription's lifetime (a feed grain that moved or restarted
/// has forgotten it). Every stream gets its own bounded queue: a slow browser loses its oldest changes, never slows
/// the others or the grains.
/// </summary>
public sealed partial class FleetFeed : BackgroundService, IFleetFeedObserver
{
    private static readonly TimeSpan RenewPeriod = IFleetFeedGrain.SubscriptionLifetime / 3;
    private const int QueuedChanges = 256;

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<FleetChange>, byte>> _watchers = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly ILogger<FleetFeed> _logger;
    // The client holds observers weakly; this singleton holds itself through its one reference for its whole life.
    // Made on first use (the cluster client is running by then), once however many streams open together.
    private readonly Lazy<IFleetFeedObserver> _reference;

    public FleetFeed(IGrainFactory grains, ILogger<FleetFeed> logger)
    {
        _grains = grains;
        _logger = logger;
        _reference = new Lazy<IFleetFeedObserver>(() => grains.CreateObjectReference<IFleetFeedObserver>(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private IFleetFeedObserver Reference => _reference.Value;

    /// <summary>The fleet's changes from now on, until <paramref name="cancellationToken"/>; null items are heartbeats.</summary>
    public async IAsyncEnumerable<FleetChange?> Follow(string fleetId, TimeSpan heartbeat, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<FleetChange>(new BoundedChannelOptions(QueuedChanges) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var streams = _watchers.GetOrAdd(fleetId, _ => new());
        streams.TryAdd(queue, 0);
        try
        {
            await _grains.GetGrain<IFleetFeedGrain>(fleetId).Subscribe(Reference);
            while (!cancellationToken.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                beat.CancelAfter(heartbeat);
                bool ready;
                try
                {
                    ready = await queue.Reader.WaitToReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    ready = false;
                }

                if (!ready)
                {
                    yield return null;
                    continue;
                }

                while (queue.Reader.TryRead(out var change))
                {
                    yield return change;
                }
            }
        }
        finally
        {
            streams.TryRemove(queue, out _);
        }
    }

    Task IFleetFeedObserver.Changed(string fleetId, FleetChange change)
    {
        if (_watchers.TryGetValue(fleetId, out var streams))
        {
            foreach (var queue in streams.Keys)
            {
                queue.Writer.TryWrite(change);
            }
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewPeriod);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (fleetId, streams) in _watchers)
            {
                // A fleet nobody watches any more is left to expire in its feed grain (its entry here stays: a few bytes a fleet).
                if (streams.IsEmpty)
                {
                    continue;
                }

                try
                {
                    await _grains.GetGrain<IFleetFeedGrain>(fleetId).Subscribe(Reference);
                }
                catch (Exception ex) when (ex is OrleansException or TimeoutException)
                {
                    LogRenewFailed(ex, fleetId);
                }
            }
        }
    }

    public override void Dispose()
    {
        if (_reference.IsValueCreated)
        {
            try
            {
                _grains.DeleteObjectReference<IFleetFeedObserver>(this);
            }
            catch (ObjectDisposedException)
            {
                // The cluster client went first at shutdown, and its references with it.
            }
        }

        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the watch on fleet {FleetId}'s feed; trying again shortly")]
    private partial void LogRenewFailed(Exception exception, string fleetId);
}
