using Orleans.Concurrency;

namespace EnergyActors.Grains.Abstractions.Webhooks;

/// <summary>A fleet's webhooks (keyed by fleet id) for the gateway; the call's scope must be this fleet.</summary>
[Alias("ea.IWebhooksGrain")]
public interface IWebhooksGrain : IGrainWithStringKey
{
    /// <summary>The fleet may hold this many; one more is refused.</summary>
    public const int MaxPerFleet = 20;

    /// <summary>The new webhook, or null when the fleet already holds <see cref="MaxPerFleet"/>.</summary>
    [Alias("Create")]
    Task<Webhook?> Create(WebhookCreate create);

    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<Webhook>> List();

    [Alias("Find"), ReadOnly]
    Task<Webhook?> Find(string webhookId);

    /// <summary>False when the fleet has no such webhook. Its pending deliveries are not sent.</summary>
    [Alias("Delete")]
    Task<bool> Delete(string webhookId);

    /// <summary>Newest first; null when the fleet has no such webhook.</summary>
    [Alias("Deliveries"), ReadOnly]
    Task<IReadOnlyList<WebhookDelivery>?> Deliveries(string webhookId, int limit);
}
