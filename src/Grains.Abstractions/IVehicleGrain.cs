namespace EnergyActors.Grains.Abstractions;

/// <summary>One electric vehicle; the grain key is the vehicle id.</summary>
[Alias("ea.IVehicleGrain")]
public interface IVehicleGrain : IGrainWithStringKey
{
    /// <summary>Commits the readings to history, then applies the new ones to the vehicle's hot state and window.</summary>
    /// <exception cref="BackPressureException">History cannot take the readings now; none was acknowledged.</exception>
    [Alias("Ingest")]
    Task<IngestResult> Ingest(IReadOnlyList<VehicleReading> readings);

    [Alias("GetStatus")]
    Task<VehicleStatus?> GetStatus();

    /// <summary>The rolling 24 h figures; null for a vehicle never seen (no reading of its own, none attributed).</summary>
    [Alias("GetPerformance")]
    Task<VehiclePerformance?> GetPerformance();

    /// <summary>The last 24 h by the hour, from history (for charts); null for a vehicle never seen.</summary>
    [Alias("GetHours")]
    Task<IReadOnlyList<VehicleHour>?> GetHours();

    /// <summary>Adds AC energy a meter committed for this vehicle (called by meter grains after their commit).</summary>
    /// <remarks>Aliased by its former name, which identifies the call between silos.</remarks>
    [Alias("AddChargerEnergy")]
    Task AddMeterEnergy(CommittedMeterEnergy energy);

    /// <summary>Reports this vehicle's figures to its fleet index shard again, unasked by any change (how a restarted shard refills).</summary>
    /// <remarks>Aliased by its former name, Publish, which identifies the call between silos.</remarks>
    [Alias("Publish")]
    Task ReportToFleetIndex();

    /// <summary>
    /// Whether the vehicle belongs to <paramref name="fleetId"/>, binding it there if it belongs to no fleet yet: a meter
    /// asks before it commits readings attributed to this vehicle, so no fleet's readings count for another's vehicle.
    /// </summary>
    [Alias("BelongsTo")]
    Task<bool> BelongsTo(string fleetId);
}
