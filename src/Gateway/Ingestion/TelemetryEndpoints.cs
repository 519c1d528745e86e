using System.Text.Json;
using EnergyActors.Gateway.Access;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.RateLimits;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Resilience;
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
    private const string SingleReading = "200 once the reading is committed to history: {accepted: 1} the first time, {duplicates: 1} "
        + "for a reading with the same device and timestamp again (the first values stay). Retrying after a 503 is safe.";

    private static readonly string[] NdjsonMediaTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl"];

    public static RouteGroupBuilder MapTelemetryIngestion(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        // ReadingParser checks these bodies field by field; the framework's validation would only walk the options
        // service of the batch endpoint, on the hottest path.
        var ingestion = group.MapGroup(string.Empty).DisableValidation().ProducesBodyProblems();
        ingestion.MapPost("/meter", PostMeter)
            .WithName("IngestMeterReading")
            .WithSummary("Ingest one smart-meter (grid side, AC) reading")
            .WithDescription(SingleReading)
            .Accepts<MeterTelemetryRequest>("application/json")
            .WithExamples(ApiExamples.Ingested, ApiExamples.Meter);
        ingestion.MapPost("/vehicle", PostVehicle)
            .WithName("IngestVehicleReading")
            .WithSummary("Ingest one vehicle (battery side, DC) reading")
            .WithDescription(SingleReading)
            .Accepts<VehicleTelemetryRequest>("application/json")
            .WithExamples(ApiExamples.Ingested, ApiExamples.Vehicle);
        ingestion.MapPost("/site", PostSite)
            .WithName("IngestSiteReading")
            .WithSummary("Ingest one interval of a real BMS site (the site status shape)")
            .WithDescription(SingleReading)
            .Accepts<SiteTelemetryRequest>("application/json")
            .WithExamples(ApiExamples.Ingested, ApiExamples.SiteReadingRequest);
        ingestion.MapPost("/batch", PostBatch)
            .WithName("IngestBatch")
            .WithSummary("Ingest up to 10,000 readings as a JSON array or NDJSON")
            .WithDescription("Each item carries its type (meter, vehicle or site) beside that reading's fields. The valid items are "
                + "committed and counted; each invalid one is named by its index and field. A body that is not an array of objects "
                + "(or NDJSON lines) is a 400. Every accepted reading is in history when the 200 is sent.")
            .Accepts<TelemetryReading[]>("application/json", NdjsonMediaTypes)
            .WithNdjsonBody(NdjsonMediaTypes, ApiExamples.Batch)
            .WithExamples(ApiExamples.BatchIngested, ApiExamples.Batch);
        return group;
    }

    private delegate bool TryParseReading<TReading>(JsonElement item, List<FieldError> errors, out string deviceId, out TReading reading);

    private static Task<Results<Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>> PostMeter(
        HttpRequest request, ReadingParser parser, IGrainFactory grains, SiloLossRetry retry, GatewayMetrics metrics, ReadingQuota quota, CancellationToken cancellationToken) =>
        IngestSingleAsync<MeterReading>(
            request, "meter", parser.TryParseMeter, (id, reading) => retry.RunAsync(() => grains.GetGrain<IMeterGrain>(id).Ingest([reading]), cancellationToken), metrics, quota, cancellationToken);

    private static Task<Results<Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>> PostVehicle(
        HttpRequest request, ReadingParser parser, IGrainFactory grains, SiloLossRetry retry, GatewayMetrics metrics, ReadingQuota quota, CancellationToken cancellationToken) =>
        IngestSingleAsync<VehicleReading>(
            request, "vehicle", parser.TryParseVehicle, (id, reading) => retry.RunAsync(() => grains.GetGrain<IVehicleGrain>(id).Ingest([reading]), cancellationToken), metrics, quota, cancellationToken);

    private static Task<Results<Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>> PostSite(
        HttpRequest request, ReadingParser parser, IGrainFactory grains, SiloLossRetry retry, GatewayMetrics metrics, ReadingQuota quota, CancellationToken cancellationToken) =>
        IngestSingleAsync<SiteReading>(
            request, "site", parser.TryParseSite, (id, reading) => retry.RunAsync(() => grains.GetGrain<ISiteGrain>(id).Ingest([reading]), cancellationToken), metrics, quota, cancellationToken);

    private static async Task<Results<Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>> IngestSingleAsync<TReading>(
        HttpRequest request,
        string type,
        TryParseReading<TReading> parse,
        Func<string, TReading, Task<IngestResult>> ingest,
        GatewayMetrics metrics,
        ReadingQuota quota,
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
                if (quota.Refusal(request.HttpContext, 1) is { } tooMany)
                {
                    return tooMany;
                }

                var result = await ingest(deviceId, reading);
                if (result.Rejected is { Count: > 0 } refused)
                {
                    metrics.Rejected(type, 1);
                    return refused.FirstOrDefault(r => r.Forbidden) is { } otherFleet
                        ? FleetAccessExceptionHandler.Forbidden(otherFleet.Message)
                        : ValidationResults.From(refused.Select(r => new FieldError(r.Field, r.Message)));
                }

                metrics.Accepted(type, result.Accepted);
                metrics.Duplicates(type, result.Duplicates);
                return TypedResults.Ok(new IngestResponse(result.Accepted, result.Duplicates));
            }

            metrics.Rejected(type, 1);
            return ValidationResults.From(errors);
        }
    }

    private static async Task<Results<Ok<BatchIngestResponse>, ValidationProblem, ProblemHttpResult>> PostBatch(
        HttpRequest request,
        ReadingParser parser,
        IGrainFactory grains,
        SiloLossRetry retry,
        GatewayMetrics metrics,
        ReadingQuota quota,
        IOptions<ApiLimitsOptions> options,
        CancellationToken cancellationToken)
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

        // Only valid readings take permits: the invalid ones are answered without touching the cluster.
        if (quota.Refusal(request.HttpContext, batch.Count - batch.Rejected) is { } tooMany)
        {
            return tooMany;
        }

        var result = await batch.DispatchAsync(grains, retry, cancellationToken);
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
