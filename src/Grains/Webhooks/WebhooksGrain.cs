using System.Security.Cryptography;
using EnergyActors.Grains.Abstractions.Access;
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
        DemandOwnFleet("register a webhook");
        return store.Create(Fleet, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), create, time.GetUtcNow(), IWebhooksGrain.MaxPerFleet);
    }

    public Task<IReadOnlyList<Webhook>> List()
    {
        DemandOwnFleet("list webhooks");
        return store.List(Fleet);
    }

    public async Task<Webhook?> Find(string webhookId)
    {
        DemandOwnFleet("read a webhook");
        return (await store.List(Fleet)).FirstOrDefault(w => w.WebhookId == webhookId);
    }

    public Task<bool> Delete(string webhookId)
    {
        DemandOwnFleet("delete a webhook");
        return store.Delete(Fleet, webhookId, time.GetUtcNow());
    }

    public async Task<IReadOnlyList<WebhookDelivery>?> Deliveries(string webhookId, int limit)
    {
        DemandOwnFleet("read a webhook's deliveries");
        return await Find(webhookId) is null ? null : await store.Deliveries(Fleet, webhookId, limit);
    }

    private void DemandOwnFleet(string what)
    {
        if (FleetAccess.OneFleet(what) != Fleet)
        {
            throw FleetAccessException.OtherFleet(what);
        }
    }
}
