using System.Globalization;
using EnergyActors.Gateway.Access;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Resilience;
using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Alerts;

/// <summary>GET /v1/alerts (newest first, by device, state and severity) and POST /v1/alerts/{alertId}/ack.</summary>
public static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithRequestRules();
        group.MapGet("/", ListAlerts)
            .WithName("ListAlerts")
            .WithSummary("Alerts, newest first")
            .WithDescription("Raised and cleared by vehicles (CRITICAL or ANOMALY efficiency) and sites (battery SOC below its floor, "
                + "over-temperature, unserved load in an outage) under the fleet's alert rules; filter by deviceId, active, state and severity.")
            .WithExamples(ApiExamples.Alerts);
        group.MapPost("/{alertId}/ack", Acknowledge)
            .WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge an alert")
            .WithDescription("Records who is on it (by, else the key's id), when, and a note; the alert stays until its condition clears. "
                + "Acknowledging again changes nothing and answers the alert as it is. 404 when the fleet has no such alert.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.AcknowledgedAlert, ApiExamples.AlertAck);
        return group;
    }

    private static async Task<Ok<AlertListResponse>> ListAlerts([AsParameters] AlertListParameters query, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var alerts = await retry.RunAsync(
            () => grains.GetGrain<IAlertQueryGrain>(0).List(new AlertQuery(query.DeviceId, query.ActiveOnly, query.Take, query.State, query.Severity)),
            cancellationToken);
        return TypedResults.Ok(new AlertListResponse([.. alerts.Select(AlertResponse.From)]));
    }

    private static async Task<Results<Ok<AlertResponse>, ValidationProblem, ProblemHttpResult>> Acknowledge(
        string alertId, Body<AlertAckRequest> body, HttpContext context, IGrainFactory grains)
    {
        if (!long.TryParse(alertId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
        {
            return ValidationResults.From(new FieldError("alertId", "'alertId' must be an alert's id, a whole number from 1."));
        }

        var by = body.Value.By ?? CallerClaims.KeyIdOf(context.User)!;
        var alert = await grains.GetGrain<IAlertQueryGrain>(0).Acknowledge(new AlertAck(id, by, body.Value.Note));
        return alert is null
            ? Problems.NotFound("Alert not found", $"The fleet has no alert {id}.")
            : TypedResults.Ok(AlertResponse.From(alert));
    }
}
