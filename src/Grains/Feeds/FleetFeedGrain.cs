using EnergyActors.Grains.Abstractions.Feeds;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace EnergyActors.Grains.Feeds;

/// <summary>
/// A fleet's feed: fans each change out to the observers that subscribed within their lifetime. With none, a
/// publication costs one message and nothing else.
/// </summary>
public sealed class FleetFeedGrain(ILogger<FleetFeedGrain> logger) : Grain, IFleetFeedGrain
{
    private readonly ObserverManager<IFleetFeedObserver> _observers = new(IFleetFeedGrain.SubscriptionLifetime, logger);

    public Task Subscribe(IFleetFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IFleetFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task Publish(FleetChange change)
    {
        if (_observers.Count > 0)
        {
            var fleet = this.GetPrimaryKeyString();
            _observers.Notify(o => o.Changed(fleet, change));
        }

        return Task.CompletedTask;
    }
}
