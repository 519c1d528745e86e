using EnergyActors.Grains.Abstractions;
using Orleans.Concurrency;

namespace EnergyActors.Grains;

/// <summary>
/// Holds a meter's newest reading in memory. Reentrant so that many concurrent readings for the
/// same meter wait on the same group commit instead of one commit each; state is only touched
/// after the commit returns, inside the grain's single-threaded turn.
/// </summary>
[Reentrant]
public sealed class MeterGrain(IHistoryWriter history, IHistoryReader historyReader) : Grain, IMeterGrain
{
    private MeterReading? _latest;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _latest = await historyReader.LatestMeterReading(this.GetPrimaryKeyString(), cancellationToken);

    public async Task<IngestResult> Ingest(IReadOnlyList<MeterReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var normalized = Normalize(readings);
        var stored = await history.AppendMeterReadings(this.GetPrimaryKeyString(), normalized);

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

    public Task<MeterStatus?> GetStatus() =>
        Task.FromResult(_latest is null ? null : new MeterStatus(this.GetPrimaryKeyString(), _latest));

    private static MeterReading[] Normalize(IReadOnlyList<MeterReading> readings)
    {
        var result = new MeterReading[readings.Count];
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
