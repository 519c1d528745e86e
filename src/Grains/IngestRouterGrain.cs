using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using Orleans.Concurrency;

namespace EnergyActors.Grains;

/// <summary>
/// Fans a batch out to its devices' grains. One gateway-to-silo message per batch instead of one per
/// device: the per-call cost of crossing from the client into the cluster was what bounded batch ingestion.
/// </summary>
[StatelessWorker]
public sealed class IngestRouterGrain : Grain, IIngestRouterGrain
{
    public async Task<IngestResult> Ingest(ReadingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var calls = new List<Task<IngestResult>>(batch.Meters.Count + batch.Vehicles.Count + batch.Sites.Count);
        foreach (var (meterId, readings) in batch.Meters)
        {
            calls.Add(GrainFactory.GetGrain<IMeterGrain>(meterId).Ingest(readings));
        }

        foreach (var (vehicleId, readings) in batch.Vehicles)
        {
            calls.Add(GrainFactory.GetGrain<IVehicleGrain>(vehicleId).Ingest(readings));
        }

        foreach (var (siteId, readings) in batch.Sites)
        {
            calls.Add(GrainFactory.GetGrain<ISiteGrain>(siteId).Ingest(readings));
        }

        var total = default(IngestResult);
        foreach (var result in await Task.WhenAll(calls))
        {
            total += result;
        }

        return total;
    }
}
