using System.Text.Json;
using EnergyActors.Gateway.Contracts;
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

    public List<BatchItemError> Errors { get; } = [];

    public int Count { get; private set; }

    public int Rejected { get; private set; }

    public int ValidMeterReadings { get; private set; }

    public int ValidVehicleReadings { get; private set; }

    public void Add(JsonElement item)
    {
        var index = Count++;
        _itemErrors.Clear();
        if (item.ValueKind != JsonValueKind.Object)
        {
            Reject(index, new FieldError(JsonBody.Field, "Each reading must be a JSON object."));
            return;
        }

        string? type = item.TryGetProperty("type", out var typeValue) && typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString() : null;
        switch (type)
        {
            case "meter":
                if (parser.TryParseMeter(item, _itemErrors, out var meterId, out var meterReading))
                {
                    Group(_meters, meterId).Add(meterReading);
                    ValidMeterReadings++;
                    return;
                }

                break;
            case "vehicle":
                if (parser.TryParseVehicle(item, _itemErrors, out var vehicleId, out var vehicleReading))
                {
                    Group(_vehicles, vehicleId).Add(vehicleReading);
                    ValidVehicleReadings++;
                    return;
                }

                break;
            case "site":
                if (parser.TryParseSite(item, _itemErrors, out var siteId, out var siteReading))
                {
                    Group(_sites, siteId).Add(siteReading);
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

    /// <summary>One grain call per device, all in parallel; any refusal fails the whole answer (nothing is acknowledged).</summary>
    public async Task<IngestResult> DispatchAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var calls = new List<Task<IngestResult>>(_meters.Count + _vehicles.Count + _sites.Count);
        foreach (var (meterId, readings) in _meters)
        {
            calls.Add(grains.GetGrain<IMeterGrain>(meterId).Ingest(readings));
        }

        foreach (var (vehicleId, readings) in _vehicles)
        {
            calls.Add(grains.GetGrain<IVehicleGrain>(vehicleId).Ingest(readings));
        }

        foreach (var (siteId, readings) in _sites)
        {
            calls.Add(grains.GetGrain<ISiteGrain>(siteId).Ingest(readings));
        }

        var results = await Task.WhenAll(calls);
        var total = default(IngestResult);
        foreach (var result in results)
        {
            total += result;
        }

        return total;
    }

    private static List<T> Group<T>(Dictionary<string, List<T>> groups, string deviceId)
    {
        if (!groups.TryGetValue(deviceId, out var list))
        {
            list = [];
            groups[deviceId] = list;
        }

        return list;
    }
}
