using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Resilience;
using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Grains.Abstractions.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Webhooks;

/// <summary>/v1/webhooks: where the caller's fleet wants its alerts' state changes POSTed, and what became of each.</summary>
public static class WebhookEndpoints
{
    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithRequestRules("webhookId");
        group.MapPost("/", Create)
            .WithName("CreateWebhook")
            .WithSummary("Register a webhook")
            .WithDescription("Every raise, acknowledgement and clearing of the fleet's alerts of the kinds and severities chosen is POSTed to the URL, "
                + "at least once, signed: X-EnergyActors-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>. The secret is not shown again. "
                + $"A fleet holds at most {IWebhooksGrain.MaxPerFleet} (409 beyond).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExamples(ApiExamples.Webhook, ApiExamples.WebhookCreate);
        group.MapGet("/", List)
            .WithName("ListWebhooks")
            .WithSummary("The fleet's webhooks, oldest first, without secrets")
            .WithExamples(ApiExamples.Webhooks);
        group.MapGet("/{webhookId}", Get)
            .WithName("GetWebhook")
            .WithSummary("A webhook, without its secret")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.Webhook);
        group.MapDelete("/{webhookId}", Delete)
            .WithName("DeleteWebhook")
            .WithSummary("Delete a webhook")
            .WithDescription("Nothing more is sent to it, pending deliveries included; its delivery log stays readable no more. 404 when the fleet has no such webhook.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{webhookId}/deliveries", Deliveries)
            .WithName("ListWebhookDeliveries")
            .WithSummary("A webhook's deliveries, newest first")
            .WithDescription("One per alert change: attempts so far, the last status or error and duration, and when it was delivered, is next tried or was given up.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.WebhookDeliveries);
        return group;
    }

    private static async Task<Results<Created<WebhookResponse>, ProblemHttpResult>> Create(Body<WebhookCreateRequest> body, IGrainFactory grains)
    {
        var created = await Webhooks(grains).Create(body.Value.ToCreate());
        return created is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too many webhooks", detail: $"The fleet holds {IWebhooksGrain.MaxPerFleet} webhooks; delete one first.")
            : TypedResults.Created($"/v1/webhooks/{created.WebhookId}", WebhookResponse.From(created));
    }

    private static async Task<Ok<WebhookListResponse>> List(IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken) =>
        TypedResults.Ok(new WebhookListResponse([.. (await retry.RunAsync(() => Webhooks(grains).List(), cancellationToken)).Select(WebhookResponse.From)]));

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Get(string webhookId, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken) =>
        await retry.RunAsync(() => Webhooks(grains).Find(webhookId), cancellationToken) is { } webhook ? TypedResults.Ok(WebhookResponse.From(webhook)) : NotFound(webhookId);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string webhookId, IGrainFactory grains) =>
        await Webhooks(grains).Delete(webhookId) ? TypedResults.NoContent() : NotFound(webhookId);

    private static async Task<Results<Ok<WebhookDeliveryListResponse>, ProblemHttpResult>> Deliveries(
        string webhookId, [AsParameters] WebhookDeliveryParameters query, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken) =>
        await retry.RunAsync(() => Webhooks(grains).Deliveries(webhookId, query.Take), cancellationToken) is { } deliveries
            ? TypedResults.Ok(new WebhookDeliveryListResponse([.. deliveries.Select(WebhookDeliveryResponse.From)]))
            : NotFound(webhookId);

    /// <summary>The fleet the call acts for names the grain; an admin that named none is refused by it (400, name a fleet).</summary>
    private static IWebhooksGrain Webhooks(IGrainFactory grains) =>
        grains.GetGrain<IWebhooksGrain>(FleetScope.Current ?? FleetScope.AllFleets);

    private static ProblemHttpResult NotFound(string webhookId) => Problems.NotFound("Webhook not found", $"The fleet has no webhook '{webhookId}'.");
}
