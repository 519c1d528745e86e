using System.Text.Json;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EnergyActors.Gateway.Ingestion;

/// <summary>
/// POST /v1/telemetry/*: validate, hand each device's readings to its grain, and answer 200 only
/// once the grain says they are committed. Refusals (503) come from the exception handler.
/// </summary>
public static class TelemetryEndpoints
{
    private static readonly string[] NdjsonMediaTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl"];

    public static RouteGroupBuilder MapTelemetryIngestion(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        // ReadingParser checks these bodies field by field; the framework's validation would only walk the options
        // service of the batch endpoint, on the hottest path.
        var ingestion = group.MapGroup(string.Empty).DisableValidation();
        ingestion.MapPost("/meter", PostMeter)
            .WithName("IngestMeterReading")
            .WithSummary("Ingest one smart-meter (grid side, AC) reading")
            .Accepts<MeterTelemetryRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        ingestion.MapPost("/vehicle", PostVehicle)
            .WithName("IngestVehicleReading")
            .WithSummary("Ingest one vehicle (battery side, DC) reading")
            .Accepts<VehicleTelemetryRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        ingestion.MapPost("/site", PostSite)
            .WithName("IngestSiteReading")
            .WithSummary("Ingest one real BMS site interval reading (the site status shape)")
            .Accepts<SiteStatusResponse>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        ingestion.MapPost("/batch", PostBatch)
            .WithName("IngestBatch")
            .WithSummary("Ingest up to 10,000 readings as a JSON array or NDJSON (application/x-ndjson)")
            .Accepts<BatchTelemetryItem[]>("application/json", NdjsonMediaTypes)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private delegate bool TryParseReading<TReading>(JsonElement item, List<FieldError> errors, out string deviceId, out TReading reading);

    private static Task<Results<Ok<IngestResponse>, ValidationProblem>> PostMeter(
        HttpRequest request, ReadingParser parser, IGrainFactory grains, GatewayMetrics metrics, CancellationToken cancellationToken) =>
        IngestSingleAsync<MeterReading>(
            request, "meter", parser.TryParseMeter, (id, reading) => grains.GetGrain<IMeterGrain>(id).Ingest([reading]), metrics, cancellationToken);

    private static Task<Results<Ok<IngestResponse>, ValidationProblem>> PostVehicle(
        HttpRequest request, ReadingParser parser, IGrainFactory grains, GatewayMetrics metrics, CancellationToken cancellationToken) =>
        IngestSingleAsync<VehicleReading>(
            request, "vehicle", parser.TryParseVehicle, (id, reading) => grains.GetGrain<IVehicleGrain>(id).Ingest([reading]), metrics, cancellationToken);

    private static Task<Results<Ok<IngestResponse>, ValidationProblem>> PostSite(
        HttpRequest request, ReadingParser parser, IGrainFactory grains, GatewayMetrics metrics, CancellationToken cancellationToken) =>
        IngestSingleAsync<SiteReading>(
            request, "site", parser.TryParseSite, (id, reading) => grains.GetGrain<ISiteGrain>(id).Ingest([reading]), metrics, cancellationToken);

    private static async Task<Results<Ok<IngestResponse>, ValidationProblem>> IngestSingleAsync<TReading>(
        HttpRequest request,
        string type,
        TryParseReading<TReading> parse,
        Func<string, TReading, Task<IngestResult>> ingest,
        GatewayMetrics metrics,
        CancellationToken cancellationToken)
    {
        var (document, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        using (document)
        {
            var errors = new List<FieldError>();
            if (parseError is { } malformed)
            {
                errors.Add(malformed);
            }
            else if (document!.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(JsonBody.Field, "The body must be a JSON object."));
            }
            else if (parse(document.RootElement, errors, out var deviceId, out var reading))
            {
                var result = await ingest(deviceId, reading);
                if (result.Rejected is { Count: > 0 } refused)
                {
                    metrics.Rejected(type, 1);
                    return ValidationResults.From(refused.Select(r => new FieldError(r.Field, r.Message)));
                }

                metrics.Accepted(type, result.Accepted);
                metrics.Duplicates(type, result.Duplicates);
                return TypedResults.Ok(new IngestResponse(result.Accepted, result.Duplicates));
            }

            metrics.Rejected(type, 1);
            return ValidationResults.From(errors);
        }
    }

    private static async Task<Results<Ok<BatchIngestResponse>, ValidationProblem>> PostBatch(
        HttpRequest request, ReadingParser parser, IGrainFactory grains, GatewayMetrics metrics, IOptions<ApiLimitsOptions> options, CancellationToken cancellationToken)
    {
        var batch = new TelemetryBatch(parser);
        var maxItems = options.Value.MaxBatchItems;
        var problem = IsNdjson(request)
            ? await NdjsonBody.ReadAsync(request, batch, maxItems, cancellationToken)
            : await ReadJsonArrayAsync(request, batch, maxItems, cancellationToken);
        if (problem is not null)
        {
            return ValidationResults.From(problem.Value);
        }

        var result = await batch.DispatchAsync(grains);
        metrics.Accepted("batch", result.Accepted);
        metrics.Duplicates("batch", result.Duplicates);
        metrics.Rejected("batch", batch.Rejected);
        return TypedResults.Ok(new BatchIngestResponse(result.Accepted, result.Duplicates, batch.Rejected, batch.Errors));
    }

    private static async Task<FieldError?> ReadJsonArrayAsync(HttpRequest request, TelemetryBatch batch, int maxItems, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadAsync(request, cancellationToken);
        using (document)
        {
            if (document is null)
            {
                return error;
            }

            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return new FieldError(JsonBody.Field, "The body must be a JSON array of readings (or NDJSON with Content-Type application/x-ndjson).");
            }

            var length = root.GetArrayLength();
            if (length > maxItems)
            {
                return new FieldError(JsonBody.Field, $"A batch holds at most {maxItems} readings; this one has {length}.");
            }

            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    return new FieldError(JsonBody.Field, $"The body must be an array of objects; item {batch.Count} is {item.ValueKind}.");
                }

                batch.Add(item);
            }

            return null;
        }
    }

    private static bool IsNdjson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
        && Array.Exists(NdjsonMediaTypes, m => contentType.MediaType.Equals(m, StringComparison.OrdinalIgnoreCase));
}
