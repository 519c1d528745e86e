using EnergyActors.Gateway.Contracts;
using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Alerts;

/// <summary>GET /v1/alerts?deviceId=&amp;active=&amp;limit=: alerts raised and cleared by grains, newest first.</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/", ListAlerts)
            .WithName("ListAlerts")
            .WithSummary("Alerts, newest first; filter by deviceId and active")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    private static async Task<Ok<AlertListResponse>> ListAlerts([AsParameters] AlertListParameters query, IGrainFactory grains)
    {
        var alerts = await grains.GetGrain<IAlertsGrain>(0).List(new AlertQuery(query.DeviceId, query.ActiveOnly, query.Take));
        return TypedResults.Ok(new AlertListResponse(alerts
            .Select(a => new AlertResponse(a.Id, a.DeviceId, a.Kind, a.Message, a.RaisedAt.UtcDateTime, a.ClearedAt?.UtcDateTime, a.ClearedAt is null))
            .ToList()));
    }
}
