using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Access;
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
            calls.Add(RefusedAsRejections("meter", meterId, readings.Length, GrainFactory.GetGrain<IMeterGrain>(meterId).Ingest(readings)));
        }

        foreach (var (vehicleId, readings) in batch.Vehicles)
        {
            calls.Add(RefusedAsRejections("vehicle", vehicleId, readings.Length, GrainFactory.GetGrain<IVehicleGrain>(vehicleId).Ingest(readings)));
        }

        foreach (var (siteId, readings) in batch.Sites)
        {
            calls.Add(RefusedAsRejections("site", siteId, readings.Length, GrainFactory.GetGrain<ISiteGrain>(siteId).Ingest(readings)));
        }

        var total = default(IngestResult);
        foreach (var result in await Task.WhenAll(calls))
        {
            total += result;
        }

        return total;
    }

    /// <summary>A device of another fleet refuses the whole call; in a batch that names each of its items instead of failing the rest.</summary>
    private static async Task<IngestResult> RefusedAsRejections(string type, string deviceId, int count, Task<IngestResult> call)
    {
        try
        {
            return await call;
        }
        catch (FleetAccessException refused)
        {
            var rejected = new RejectedReading[count];
            for (var i = 0; i < count; i++)
            {
                rejected[i] = new RejectedReading(type, deviceId, i, "deviceId", refused.Message, Forbidden: refused.Failure == FleetAccessFailure.OtherFleet);
            }

            return new IngestResult(0, 0, rejected);
        }
    }
}
