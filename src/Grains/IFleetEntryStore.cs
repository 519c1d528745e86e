using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>
/// The fleet index's entries in PostgreSQL, per fleet and shard, so a restarted shard answers from the figures its
/// vehicles last reported instead of waking them all at once.
/// </summary>
public interface IFleetEntryStore
{
    /// <summary>Every entry the shard stored, as not <see cref="FleetEntry.Refreshed"/>: no vehicle has confirmed it since.</summary>
    Task<IReadOnlyList<FleetEntry>> Load(string fleetId, int shard, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the entries; an entry older than the stored one for its vehicle changes nothing.</summary>
    Task Save(string fleetId, int shard, IReadOnlyList<FleetEntry> entries);
}
