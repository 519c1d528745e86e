using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using EnergyActors.Gateway.Analytics;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EnergyActors.Gateway.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json: what each operation takes and every status it can answer.</summary>
public static class GatewayOpenApi
{
    private static readonly Dictionary<string, string> StatusDescriptions = new(StringComparer.Ordinal)
    {
        ["400"] = "Invalid input: a validation problem whose errors are keyed by the offending field (nested fields dotted, e.g. weather.source).",
        ["401"] = "No API key, or one that is unknown, revoked or expired: send 'Authorization: Bearer <key>'.",
        ["403"] = "The key's role may not use this operation: device keys only ingest, and /v1/admin needs an admin key.",
        ["404"] = "Not found: the problem's title and detail say what is missing.",
        ["408"] = "The body arrived too slowly.",
        ["409"] = "A site with this id is already registered.",
        ["413"] = "The body is larger than 4 MiB.",
        ["415"] = "The body is not sent as one of the accepted media types (UTF-8, uncompressed); the problem's acceptedMediaTypes lists them.",
        ["503"] = "The cluster or PostgreSQL cannot take this now (back-pressure or an outage). Nothing in the request was acknowledged; "
            + "retry after Retry-After seconds (ingestion is idempotent).",
    };

    private static readonly (string Name, string Description)[] Tags =
    [
        ("Telemetry", "Readings of meters (AC), vehicles (DC) and real sites, one at a time or in batches, and each device's latest reading. A 200 means the readings are committed to history."),
        ("Vehicles", "Which meter (charger) a vehicle draws from: meter readings without a vehicleId are credited to the linked vehicle."),
        ("Analytics", "Rolling 24 h charging efficiency per vehicle and across the fleet, kept in memory by the vehicles."),
        ("Alerts", "Alerts raised and cleared by vehicles and sites on thresholds."),
        ("Sites", "Battery-backed solar sites: simulated continuously or fed by a real site; their status, history, replays of past periods and grid outages."),
        ("Admin", "Fleets (tenants) and their API keys; admin keys only."),
    ];

    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                Describe(document);
                SecurityDocumentation.DeclareScheme(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                DescribeParameters(operation, context);
                SecurityDocumentation.RequireKey(operation, context);
                DescribeResponses(operation);
                ExampleOfInvalidInput(operation, context);
                return Task.CompletedTask;
            });
        });

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "EnergyActors API",
            Version = "v1",
            Description = "Telemetry ingestion, device status, charging analytics, alerts and battery-backed solar sites, per fleet. "
                + "Every operation needs an API key ('Authorization: Bearer <key>'); a missing or refused key is a 401, a role that may not is a 403. "
                + "Timestamps are RFC 3339 with an offset; device and site ids are 1 to 64 characters of [A-Za-z0-9._:-]. "
                + "Errors are RFC 9457 problem details; a 400's errors are keyed by the offending field.",
        };
        // Relative: the document is served by every gateway, on whatever address it was reached at.
        document.Servers = [new OpenApiServer { Url = "/" }];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
    }

    /// <summary>
    /// Query parameters are bound as text (so that their rules, not the binder, answer a wrong value); their schemas come
    /// from those rules, and the path's ids from the group's <see cref="PathIds"/>.
    /// </summary>
    private static void DescribeParameters(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var pathIds = context.Description.ActionDescriptor.EndpointMetadata.OfType<PathIds>().SelectMany(p => p.Names).ToHashSet(StringComparer.Ordinal);
        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == description.Name) is not { } parameter)
            {
                continue;
            }

            if (parameter.In == ParameterLocation.Path && pathIds.Contains(parameter.Name!))
            {
                parameter.Schema = IdSchema();
                parameter.Description ??= "A device or site id.";
                continue;
            }

            var attributes = description.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: { } info } ? info.GetCustomAttributes(true) : [];
            parameter.Description ??= attributes.OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
            foreach (var rule in attributes.OfType<QueryRuleAttribute>())
            {
                parameter.Schema = rule switch
                {
                    WholeNumberAttribute number => new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Format = "int32",
                        Minimum = Invariant(number.Min),
                        Maximum = Invariant(number.Max),
                    },
                    TrueOrFalseAttribute => new OpenApiSchema { Type = JsonSchemaType.Boolean },
                    HealthStatusNameAttribute => Enumeration(Enum.GetValues<HealthStatus>().Select(HealthStatusNames.Name)),
                    OneOfAttribute oneOf => Enumeration(oneOf.Values),
                    Rfc3339Attribute => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                    DeviceIdTextAttribute => IdSchema(),
                    _ => parameter.Schema,
                };
            }
        }
    }

    internal static OpenApiSchema IdSchema() => new()
    {
        Type = JsonSchemaType.String,
        MinLength = 1,
        MaxLength = DeviceId.MaxLength,
        Pattern = @"^(?!\.\.?$)[A-Za-z0-9._:-]+$",
    };

    private static OpenApiSchema Enumeration(IEnumerable<string> values) =>
        new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A 400 for the input every operation has: an id in its path, else its body, else its limit.</summary>
    private static void ExampleOfInvalidInput(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        if (operation.Responses?.TryGetValue("400", out var response) != true || response!.Content?.TryGetValue("application/problem+json", out var content) != true)
        {
            return;
        }

        var pathId = context.Description.ActionDescriptor.EndpointMetadata.OfType<PathIds>().SelectMany(p => p.Names)
            .FirstOrDefault(name => operation.Parameters?.Any(p => p.In == ParameterLocation.Path && p.Name == name) == true);
        var limit = context.Description.ParameterDescriptions.FirstOrDefault(p => p.Name == "limit")?.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: { } info }
            ? info.GetCustomAttributes(true).OfType<WholeNumberAttribute>().FirstOrDefault()
            : null;
        var (field, message) = pathId is not null ? (pathId, Problems.InvalidIdError(pathId).Message)
            : operation.RequestBody is not null ? (JsonBody.Field, "The body is not valid JSON at line 1, position 1: The input does not contain any JSON tokens. "
                + "Expected the input to start with a valid JSON token, when isFinalBlock is true.")
            : limit is not null ? ("limit", $"'limit' must be a whole number from {limit.Min} to {limit.Max}.")
            : (null, null);
        if (field is null)
        {
            return;
        }

        content!.Example = new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            ["title"] = ValidationResults.Title,
            ["status"] = StatusCodes.Status400BadRequest,
            ["detail"] = ValidationResults.Detail,
            ["errors"] = new JsonObject { [field] = new JsonArray(message) },
        };
    }

    private static void DescribeResponses(OpenApiOperation operation)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse described)
            {
                continue;
            }

            if (StatusDescriptions.TryGetValue(status, out var description))
            {
                described.Description = description;
            }

            if (status == "503")
            {
                described.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                described.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                };
            }

            if (status == "401")
            {
                described.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                described.Headers["WWW-Authenticate"] = new OpenApiHeader
                {
                    Description = "Bearer: the scheme the key is sent with.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }

            if (status is "201" or "202")
            {
                described.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                described.Headers["Location"] = new OpenApiHeader
                {
                    Description = status == "201" ? "Where the created resource is." : "Where its progress can be followed.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
                };
            }
        }
    }
}
