using System.Text.Json;
using EnergyActors.Gateway.RateLimits;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of PATCH /v1/admin/fleets/{fleetId}: the fleet's own limits per API key; null (or left out) for the defaults.</summary>
public sealed record FleetPatchRequest : IBodyContract<FleetPatchRequest>
{
    public RateLimitsBody? RateLimits { get; init; }

    static string IBodyContract<FleetPatchRequest>.Example => "{\"rateLimits\": {\"requestsPerSecond\": 100, \"readingsPerSecond\": 10000}}";

    static FleetPatchRequest? IBodyContract<FleetPatchRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!body.TryGetProperty("rateLimits", out var limits) || limits.ValueKind == JsonValueKind.Null)
        {
            return new FleetPatchRequest();
        }

        if (limits.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("rateLimits", "'rateLimits' must be an object (or null for the defaults)."));
            return null;
        }

        var before = errors.Count;
        var requests = PerSecond(limits, "requestsPerSecond", RateLimitOptions.MaxRequestsPerSecond, errors);
        var readings = PerSecond(limits, "readingsPerSecond", RateLimitOptions.MaxReadingsPerSecond, errors);
        return errors.Count == before ? new FleetPatchRequest { RateLimits = new RateLimitsBody(requests, readings) } : null;
    }

    private static int? PerSecond(JsonElement limits, string field, int max, List<FieldError> errors)
    {
        if (!limits.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var perSecond) && perSecond >= 1 && perSecond <= max)
        {
            return perSecond;
        }

        errors.Add(new FieldError($"rateLimits.{field}", $"'{field}' must be a whole number from 1 to {max} (or null for the default)."));
        return null;
    }
}

/// <summary>Limits per API key and second; a null figure is the configured default.</summary>
public sealed record RateLimitsBody(int? RequestsPerSecond, int? ReadingsPerSecond);

/// <summary>A fleet's limits per API key and second as they apply now: its own where set, else the defaults.</summary>
public sealed record RateLimitsResponse(int RequestsPerSecond, int ReadingsPerSecond, bool Default)
{
    public static RateLimitsResponse From(FleetRateLimits? own, RateLimitOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return new(own?.RequestsPerSecond ?? defaults.RequestsPerSecond, own?.ReadingsPerSecond ?? defaults.ReadingsPerSecond, own is null);
    }
}
