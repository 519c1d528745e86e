using EnergyActors.Grains.Abstractions.Feeds;

namespace EnergyActors.Grains;

/// <summary>
/// Tells the fleet's feed which vehicles changed, once a second at most: a fleet of thousands reporting every few
/// seconds costs the feed a message per shard per second, not one per report.
/// </summary>
public sealed partial class FleetIndexGrain
{
    private static readonly TimeSpan FeedPeriod = TimeSpan.FromSeconds(1);

    private readonly HashSet<string> _unpublished = new(StringComparer.Ordinal);

    private void ScheduleFeed() =>
        this.RegisterGrainTimer(_ => PublishChangesAsync(), new GrainTimerCreationOptions { DueTime = FeedPeriod, Period = FeedPeriod, Interleave = true });

    private Task PublishChangesAsync()
    {
        if (_unpublished.Count == 0)
        {
            return Task.CompletedTask;
        }

        var change = FleetChange.ForVehicles(_unpublished);
        _unpublished.Clear();
        return GrainFactory.GetGrain<IFleetFeedGrain>(Fleet).Publish(change);
    }
}
