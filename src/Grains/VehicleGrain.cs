using EnergyActors.Grains.Abstractions;
using Orleans.Concurrency;

namespace EnergyActors.Grains;

/// <summary>
/// Holds a vehicle's newest reading in memory. Reentrant for the same reason as <see cref="MeterGrain"/>:
/// concurrent readings share group commits; state changes only after the commit.
/// </summary>
[Reentrant]
public sealed class VehicleGrain(IHistoryWriter history, IHistoryReader historyReader) : Grain, IVehicleGrain
{
    private VehicleReading? _latest;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _latest = await historyReader.LatestVehicleReading(this.GetPrimaryKeyString(), cancellationToken);

    public async Task<IngestResult> Ingest(IReadOnlyList<VehicleReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var normalized = Normalize(readings);
        var stored = await history.AppendVehicleReadings(this.GetPrimaryKeyString(), normalized);

        var accepted = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (!stored[i])
            {
                continue;
            }

            accepted++;
            if (_latest is null || normalized[i].Timestamp > _latest.Timestamp)
            {
                _latest = normalized[i];
            }
        }

        return new IngestResult(accepted, normalized.Length - accepted);
    }

    public Task<VehicleStatus?> GetStatus() =>
        Task.FromResult(_latest is null ? null : new VehicleStatus(this.GetPrimaryKeyString(), _latest));

    private static VehicleReading[] Normalize(IReadOnlyList<VehicleReading> readings)
    {
        var result = new VehicleReading[readings.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var reading = readings[i];
            var timestamp = HistoryTime.Normalize(reading.Timestamp);
            result[i] = timestamp == reading.Timestamp && timestamp.Offset == reading.Timestamp.Offset
                ? reading
                : reading with { Timestamp = timestamp };
        }

        return result;
    }
}
