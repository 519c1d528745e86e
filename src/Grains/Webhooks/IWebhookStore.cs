using EnergyActors.Grains.Abstractions.Webhooks;

namespace EnergyActors.Grains.Webhooks;

/// <summary>The <c>webhooks</c> table and the delivery log, per fleet.</summary>
public interface IWebhookStore
{
    /// <summary>Null when the fleet already holds <paramref name="max"/> webhooks.</summary>
    Task<Webhook?> Create(string fleetId, string webhookId, WebhookCreate create, DateTimeOffset at, int max);

    Task<IReadOnlyList<Webhook>> List(string fleetId);

    Task<bool> Delete(string fleetId, string webhookId, DateTimeOffset at);

    Task<IReadOnlyList<WebhookDelivery>> Deliveries(string fleetId, string webhookId, int limit);
}
