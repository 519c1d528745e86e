using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Alerts;

/// <summary>GET /v1/alerts?deviceId=&amp;active=&amp;limit=: alerts raised and cleared by grains, newest first.</summary>
public static class AlertEndpoints
{
    private const int MaxLimit = 1_000;

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/", ListAlerts)
            .WithName("ListAlerts")
            .WithSummary("Alerts, newest first; filter by deviceId and active")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Results<Ok<AlertListResponse>, ValidationProblem>> ListAlerts(string? deviceId, string? active, string? limit, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        if (deviceId is not null && !DeviceId.IsValid(deviceId))
        {
            errors.Add(new FieldError("deviceId", $"'deviceId' must be 1 to {DeviceId.MaxLength} characters from [A-Za-z0-9._:-]."));
        }

        bool? activeOnly = null;
        if (active is not null)
        {
            // Not bool.TryParse: it also takes "true" followed by NUL characters or white space.
            if (active.Equals("true", StringComparison.OrdinalIgnoreCase) || active.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                activeOnly = active.Equals("true", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                errors.Add(new FieldError("active", "'active' must be true or false."));
            }
        }

        if (Problems.Limit(limit, 1, MaxLimit, out var take, fallback: 100) is { } limitError)
        {
            errors.Add(limitError);
        }

        if (errors.Count > 0)
        {
            return ValidationResults.From(errors);
        }

        var alerts = await grains.GetGrain<IAlertQueryGrain>(0).List(new AlertQuery(deviceId, activeOnly, take));
        return TypedResults.Ok(new AlertListResponse(alerts
            .Select(a => new AlertResponse(a.Id, a.DeviceId, a.Kind, a.Message, a.RaisedAt.UtcDateTime, a.ClearedAt?.UtcDateTime, a.ClearedAt is null))
            .ToList()));
    }
}
