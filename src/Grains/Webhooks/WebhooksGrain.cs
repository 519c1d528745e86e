using System.Security.Cryptography;
using EnergyActors.Grains.Abstractions.Webhooks;
using EnergyActors.Grains.Access;
using Orleans.Concurrency;

namespace EnergyActors.Grains.Webhooks;

/// <summary>A fleet's webhooks in the store, for the gateway; any silo may answer.</summary>
[GrainType("webhooks")]
[StatelessWorker]
public sealed class WebhooksGrain(IWebhookStore store, TimeProvider time) : Grain, IWebhooksGrain
{
    private string Fleet => this.GetPrimaryKeyString();

    public Task<Webhook?> Create(WebhookCreate create)
    {
        FleetAccess.DemandOneFleet(Fleet, "register a webhook");
        return store.Create(Fleet, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), create, time.GetUtcNow(), IWebhooksGrain.MaxPerFleet);
    }

    public Task<IReadOnlyList<Webhook>> List()
    {
        FleetAccess.DemandOneFleet(Fleet, "list webhooks");
        return store.List(Fleet);
    }

    public async Task<Webhook?> Find(string webhookId)
    {
        FleetAccess.DemandOneFleet(Fleet, "read a webhook");
        return (await store.List(Fleet)).FirstOrDefault(w => w.WebhookId == webhookId);
    }

    public Task<bool> Delete(string webhookId)
    {
        FleetAccess.DemandOneFleet(Fleet, "delete a webhook");
        return store.Delete(Fleet, webhookId, time.GetUtcNow());
    }

    public async Task<IReadOnlyList<WebhookDelivery>?> Deliveries(string webhookId, int limit)
    {
        FleetAccess.DemandOneFleet(Fleet, "read a webhook's deliveries");
        return await Find(webhookId) is null ? null : await store.Deliveries(Fleet, webhookId, limit);
    }
}
