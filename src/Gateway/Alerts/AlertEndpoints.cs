using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.Resilience;
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
            .WithSummary("Alerts, newest first")
            .WithDescription("Raised and cleared by vehicles (CRITICAL or ANOMALY efficiency) and sites (battery SOC below its floor, "
                + "over-temperature, unserved load in an outage); filter by deviceId and active.")
            .WithExamples(ApiExamples.Alerts);
        return group;
    }

    private static async Task<Ok<AlertListResponse>> ListAlerts([AsParameters] AlertListParameters query, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var alerts = await retry.RunAsync(() => grains.GetGrain<IAlertQueryGrain>(0).List(new AlertQuery(query.DeviceId, query.ActiveOnly, query.Take)), cancellationToken);
        return TypedResults.Ok(new AlertListResponse(alerts
            .Select(a => new AlertResponse(a.Id, a.DeviceId, a.Kind, a.Message, a.RaisedAt.UtcDateTime, a.ClearedAt?.UtcDateTime, a.ClearedAt is null))
            .ToList()));
    }
}
