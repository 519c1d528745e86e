using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Access;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace EnergyActors.Grains;

/// <summary>
/// Holds a meter's newest reading and its vehicle link. Reentrant so that many concurrent readings for
/// the same meter wait on the same group commit instead of one commit each; state is only touched
/// after the commit returns, inside the grain's single-threaded turn. Its fleet is in MeterGrain.Fleet.cs.
/// </summary>
[Reentrant]
public sealed partial class MeterGrain(
    IHistoryWriter history,
    IHistoryReader historyReader,
    IDeviceOwners owners,
    TimeProvider time,
    [PersistentState("link", GrainStorage.Name)] IPersistentState<MeterLinkState> link,
    ILogger<MeterGrain> logger) : Grain, IMeterGrain
{
    private static readonly TimeSpan SilenceReportPeriod = TimeSpan.FromMinutes(1);

    private MeterReading? _latest;
    private DateTimeOffset _silenceToldAt;

    private string MeterId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var loaded = await historyReader.LoadMeter(MeterId, cancellationToken);
        _latest = loaded.Latest;
        _fleet = FleetAccess.Restored(loaded.Fleet, loaded.Latest is not null);
    }

    public async Task<IngestResult> Ingest(IReadOnlyList<MeterReading> readings)
    {
        await ClaimForWriteAsync();
        // Attribution happens here, before the commit, so history records the link as it was at ingestion time.
        var attributed = ReadingNormalizer.Meter(readings, link.State.VehicleId);
        var (normalized, positions, refused) = await WithoutOtherFleetsVehiclesAsync(attributed);
        var commit = await history.AppendMeterReadings(MeterId, normalized);

        var accepted = 0;
        Dictionary<string, List<MeterEnergy>>? forVehicles = null;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (!commit.Stored[i])
            {
                continue;
            }

            var reading = normalized[i];
            accepted++;
            if (_latest is null || reading.Timestamp > _latest.Timestamp)
            {
                _latest = reading;
            }

            if (reading.VehicleId is { } vehicleId)
            {
                forVehicles ??= new Dictionary<string, List<MeterEnergy>>(StringComparer.Ordinal);
                if (!forVehicles.TryGetValue(vehicleId, out var list))
                {
                    forVehicles[vehicleId] = list = [];
                }

                list.Add(new MeterEnergy(reading.Timestamp, reading.KwhConsumedAc));
            }
        }

        if (forVehicles is not null)
        {
            await ForwardAsync(forVehicles, commit.TransactionId);
        }

        if (accepted > 0 && time.GetUtcNow() - _silenceToldAt >= SilenceReportPeriod)
        {
            // One-way, at most once a minute: the fleet's silence watch learns the meter reported.
            _silenceToldAt = time.GetUtcNow();
            await ISilenceWatchGrain.Watch.ShardFor(GrainFactory, _fleet!, MeterId).Seen(MeterId, 0);
        }

        return refused is null ? commit.ToResult(accepted) : InCallerPositions(commit.ToResult(accepted), positions!, refused);
    }

    public Task<MeterStatus?> GetStatus() =>
        Task.FromResult(_latest is null || !FleetAccess.MayRead(_fleet) ? null : new MeterStatus(MeterId, _latest));

    public async Task<string?> LinkTo(string vehicleId)
    {
        await ClaimForWriteAsync();
        var previous = link.State.VehicleId;
        if (previous == vehicleId)
        {
            return null;
        }

        link.State.VehicleId = vehicleId;
        link.State.LinkedAt = time.GetUtcNow();
        await link.WriteStateAsync();
        return previous;
    }

    public async Task Unlink(string vehicleId)
    {
        FleetAccess.DemandWrite(_fleet, $"Meter '{MeterId}'");
        if (link.State.VehicleId == vehicleId)
        {
            link.State.VehicleId = null;
            await link.WriteStateAsync();
        }
    }

    /// <summary>
    /// The readings are committed whatever happens here; a vehicle that misses a forward (its silo died
    /// mid-call) counts the energy when it next rebuilds its window from history.
    /// </summary>
    private async Task ForwardAsync(Dictionary<string, List<MeterEnergy>> forVehicles, ulong transactionId)
    {
        var meterId = MeterId;
        var calls = new List<Task>(forVehicles.Count);
        foreach (var (vehicleId, energy) in forVehicles)
        {
            calls.Add(GrainFactory.GetGrain<IVehicleGrain>(vehicleId).AddMeterEnergy(new CommittedMeterEnergy(meterId, transactionId, energy)));
        }

        try
        {
            await Task.WhenAll(calls);
        }
        catch (Exception ex)
        {
            LogForwardFailed(ex, meterId, forVehicles.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meter {MeterId} could not forward committed energy to {Vehicles} vehicle(s); they will count it at their next rebuild")]
    private partial void LogForwardFailed(Exception exception, string meterId, int vehicles);
}
