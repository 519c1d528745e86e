using System.Collections.Frozen;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>
/// Books the acknowledged readings of the vehicles <c>--verify</c> checks. A reading counts as
/// acknowledged when its request got a 200 and it is not among the batch items the gateway rejected:
/// accepted and duplicate alike, since a duplicate of the same (device, timestamp) has the same values.
/// </summary>
internal sealed class AckLedger
{
    // Vehicles sampled by --verify: enough to catch a systematic error, few enough to check in seconds.
    private const int SampleSize = 200;

    private readonly FrozenDictionary<string, VehicleLedger> _vehicles;

    public AckLedger(IEnumerable<string> vehicleIds)
    {
        _vehicles = vehicleIds.ToFrozenDictionary(id => id, _ => new VehicleLedger(), StringComparer.Ordinal);
    }

    /// <summary>A ledger for up to 200 of the fleet's vehicles, spread evenly over it.</summary>
    public static AckLedger ForSample(FleetModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var vehicles = model.Vehicles;
        var count = Math.Min(SampleSize, vehicles);
        return new AckLedger(Enumerable.Range(0, count).Select(j => model.VehicleId(1 + (int)((long)j * vehicles / count))));
    }

    public IEnumerable<KeyValuePair<string, VehicleLedger>> Vehicles => _vehicles;

    public void Acknowledge(IReadOnlyList<Reading> readings, IngestResponse answer)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(answer);
        var rejected = answer.Rejected > 0 && answer.Errors is { } errors ? errors.Select(e => e.Index).ToHashSet() : null;
        for (var i = 0; i < readings.Count; i++)
        {
            if (rejected?.Contains(i) == true)
            {
                continue;
            }

            switch (readings[i])
            {
                case VehicleReading vehicle when _vehicles.TryGetValue(vehicle.DeviceId, out var ledger):
                    ledger.AddVehicle(vehicle.Timestamp, vehicle.KwhDeliveredDc);
                    break;
                case MeterReading { VehicleId: { } vehicleId } meter when _vehicles.TryGetValue(vehicleId, out var ledger):
                    ledger.AddMeter(meter.Timestamp, meter.KwhConsumedAc);
                    break;
            }
        }
    }
}

/// <summary>
/// What the gateway acknowledged for one sampled vehicle: the newest timestamp of its own readings, and
/// its non-zero DC readings and the non-zero AC of meter readings naming it, in millionths of a kWh
/// (readings carry six decimals, so the sums are exact integers).
/// </summary>
internal sealed class VehicleLedger
{
    // Older readings can no longer fall in a 24 h analytics window asked for after the run.
    private static readonly TimeSpan Relevant = TimeSpan.FromHours(25);

    private readonly Lock _gate = new();
    private readonly List<(long Ticks, long MicroKwh)> _ac = [];
    private readonly List<(long Ticks, long MicroKwh)> _dc = [];
    private int _pruneAt = 4096;

    public DateTimeOffset? NewestVehicleReading { get; private set; }

    /// <summary>Whether any reading of, or attributed to, this vehicle was acknowledged: otherwise the API should not know it.</summary>
    public bool Seen { get; private set; }

    public void AddVehicle(DateTimeOffset timestamp, double kwhDeliveredDc)
    {
        lock (_gate)
        {
            Seen = true;
            if (NewestVehicleReading is not { } newest || timestamp > newest)
            {
                NewestVehicleReading = timestamp;
            }

            Add(_dc, timestamp, kwhDeliveredDc);
        }
    }

    public void AddMeter(DateTimeOffset timestamp, double kwhConsumedAc)
    {
        lock (_gate)
        {
            Seen = true;
            Add(_ac, timestamp, kwhConsumedAc);
        }
    }

    /// <summary>Sums of the acknowledged AC and DC readings with start ≤ timestamp &lt; end, in kWh.</summary>
    public (decimal Ac, decimal Dc) Totals(DateTimeOffset start, DateTimeOffset end)
    {
        lock (_gate)
        {
            return (Sum(_ac, start, end), Sum(_dc, start, end));
        }
    }

    private void Add(List<(long Ticks, long MicroKwh)> entries, DateTimeOffset timestamp, double kwh)
    {
        var micro = (long)Math.Round(kwh * 1_000_000);
        if (micro == 0)
        {
            return;
        }

        entries.Add((timestamp.UtcTicks, micro));
        if (entries.Count >= _pruneAt)
        {
            var cutoff = (DateTimeOffset.UtcNow - Relevant).UtcTicks;
            entries.RemoveAll(e => e.Ticks < cutoff);
            _pruneAt = Math.Max(_pruneAt, entries.Count * 2);
        }
    }

    private static decimal Sum(List<(long Ticks, long MicroKwh)> entries, DateTimeOffset start, DateTimeOffset end)
    {
        long total = 0;
        foreach (var (ticks, micro) in entries)
        {
            if (ticks >= start.UtcTicks && ticks < end.UtcTicks)
            {
                total += micro;
            }
        }

        return total / 1_000_000m;
    }
}
