namespace EnergyActors.Grains;

/// <summary>Where vehicles keep their efficiency windows between activations, so a restart reads back only what came after.</summary>
public interface IWindowSnapshotStore
{
    /// <summary>The vehicle's stored window, or null when it has none.</summary>
    Task<StoredWindow?> Load(string vehicleId, CancellationToken cancellationToken);

    /// <summary>Replaces the vehicle's stored window. Any stored window is exact for its own snapshot, so the last write may win.</summary>
    Task Save(string vehicleId, StoredWindow window);
}

/// <summary>
/// A window's buckets (<see cref="Analytics.EfficiencyWindow.ToSnapshot"/>) holding exactly the history rows that
/// <see cref="CatchUp"/> describes: committed as of its snapshot and stamped before its end.
/// </summary>
public sealed record StoredWindow(byte[] Buckets, HistoryCatchUp CatchUp, DateTimeOffset WrittenAt);
