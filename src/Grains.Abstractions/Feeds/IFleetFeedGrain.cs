using Orleans.Concurrency;

namespace EnergyActors.Grains.Abstractions.Feeds;

/// <summary>Receives a fleet's changes; one-way, so a gateway that went away never holds up the fleet's grains.</summary>
[Alias("ea.IFleetFeedObserver")]
public interface IFleetFeedObserver : IGrainObserver
{
    [OneWay]
    [Alias("Changed")]
    Task Changed(string fleetId, FleetChange change);
}

/// <summary>
/// A fleet's feed (key: fleet id): its grains publish what changed, and observers that subscribed (and renew within
/// <see cref="SubscriptionLifetime"/>) hear it. Nothing is kept: a watcher reads the current state through the API
/// when it subscribes, then follows the changes.
/// </summary>
[Alias("ea.IFleetFeedGrain")]
public interface IFleetFeedGrain : IGrainWithStringKey
{
    public static TimeSpan SubscriptionLifetime { get; } = TimeSpan.FromMinutes(1);

    [Alias("Subscribe")]
    Task Subscribe(IFleetFeedObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IFleetFeedObserver observer);

    [OneWay]
    [Alias("Publish")]
    Task Publish(FleetChange change);
}
