using System.Text.Json;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Resilience;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;

namespace EnergyActors.Gateway.Ingestion;

/// <summary>
/// The valid items of one batch grouped by device, so each device's grain is called once with all
/// of its readings, plus the invalid items named by index.
/// </summary>
public sealed class TelemetryBatch(ReadingParser parser)
{
    private readonly Dictionary<string, List<MeterReading>> _meters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<VehicleReading>> _vehicles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SiteReading>> _sites = new(StringComparer.Ordinal);
    private readonly List<FieldError> _itemErrors = [];

    // Each device's items by their index in the request, so a reading the database refuses is named by that index.
    private readonly Dictionary<(string Type, string DeviceId), List<int>> _itemIndexes = [];

    private const int DevicesPerPart = 250;
    private const int MaxParts = 4;

    public List<BatchItemError> Errors { get; } = [];

    public int Count { get; private set; }

    public int Rejected { get; private set; }

    public void Add(JsonElement item)
    {
        var index = Count++;
        _itemErrors.Clear();
        if (item.ValueKind != JsonValueKind.Object)
        {
            Reject(index, new FieldError(JsonBody.Field, "Each reading must be a JSON object."));
            return;
        }

        string? type = item.TryGetProperty("type", out var typeValue) && JsonText.TryGetString(typeValue, out var typeText) ? typeText : null;
        switch (type)
        {
            case "meter":
                if (parser.TryParseMeter(item, _itemErrors, out var meterId, out var meterReading))
                {
                    Group(_meters, meterId).Add(meterReading);
                    Group(_itemIndexes, ("meter", meterId)).Add(index);
                    return;
                }

                break;
            case "vehicle":
                if (parser.TryParseVehicle(item, _itemErrors, out var vehicleId, out var vehicleReading))
                {
                    Group(_vehicles, vehicleId).Add(vehicleReading);
                    Group(_itemIndexes, ("vehicle", vehicleId)).Add(index);
                    return;
                }

                break;
            case "site":
                if (parser.TryParseSite(item, _itemErrors, out var siteId, out var siteReading))
                {
                    Group(_sites, siteId).Add(siteReading);
                    Group(_itemIndexes, ("site", siteId)).Add(index);
                    return;
                }

                break;
            default:
                _itemErrors.Add(new FieldError("type", "'type' must be \"meter\", \"vehicle\" or \"site\"."));
                break;
        }

        foreach (var error in _itemErrors)
        {
            Reject(index, error);
        }
    }

    /// <summary>Counts an item that could not even be parsed (a malformed NDJSON line) and names it.</summary>
    public void AddMalformed(FieldError error) => Reject(Count++, error);

    private void Reject(int index, FieldError error)
    {
        if (Errors.Count == 0 || Errors[^1].Index != index)
        {
            Rejected++;
        }

        Errors.Add(new BatchItemError(index, error.Field, error.Message));
    }

    /// <summary>
    /// Hands the devices' readings to the cluster in a few messages (each device's grain is then called once
    /// with all of its readings); any back-pressure fails the whole answer, so nothing is acknowledged. Readings
    /// the database refused for their content are named by index, like invalid items. A part whose silo went away
    /// is sent again: what it had committed comes back as duplicates.
    /// </summary>
    public async Task<IngestResult> DispatchAsync(IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(retry);
        var parts = Split();
        var results = await Task.WhenAll(parts.Select((part, i) => retry.RunAsync(() => grains.GetGrain<IIngestRouterGrain>(i).Ingest(part), cancellationToken)));
        var total = default(IngestResult);
        foreach (var result in results)
        {
            total += result;
        }

        if (total.Rejected is { Count: > 0 } refused)
        {
            foreach (var reading in refused)
            {
                Reject(_itemIndexes[(reading.DeviceType, reading.DeviceId)][reading.Index], new FieldError(reading.Field, reading.Message));
            }

            var inOrder = Errors.OrderBy(e => e.Index).ToList();
            Errors.Clear();
            Errors.AddRange(inOrder);
        }

        return total;
    }

    // A few parts, so a large batch is fanned out by several router activations (one per core at most).
    private List<ReadingBatch> Split()
    {
        var devices = _meters.Count + _vehicles.Count + _sites.Count;
        var partCount = Math.Clamp(devices / DevicesPerPart, 1, MaxParts);
        var parts = Enumerable.Range(0, partCount)
            .Select(_ => (Meters: new Dictionary<string, MeterReading[]>(StringComparer.Ordinal), Vehicles: new Dictionary<string, VehicleReading[]>(StringComparer.Ordinal), Sites: new Dictionary<string, SiteReading[]>(StringComparer.Ordinal)))
            .ToList();
        var next = 0;
        foreach (var (id, readings) in _meters)
        {
            parts[next++ % partCount].Meters[id] = [.. readings];
        }

        foreach (var (id, readings) in _vehicles)
        {
            parts[next++ % partCount].Vehicles[id] = [.. readings];
        }

        foreach (var (id, readings) in _sites)
        {
            parts[next++ % partCount].Sites[id] = [.. readings];
        }

        return parts.Where(p => p.Meters.Count + p.Vehicles.Count + p.Sites.Count > 0).Select(p => new ReadingBatch(p.Meters, p.Vehicles, p.Sites)).ToList();
    }

    private static List<T> Group<TKey, T>(Dictionary<TKey, List<T>> groups, TKey deviceId)
        where TKey : notnull
    {
        if (!groups.TryGetValue(deviceId, out var list))
        {
            list = [];
            groups[deviceId] = list;
        }

        return list;
    }
}
