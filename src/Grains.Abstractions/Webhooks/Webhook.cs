namespace EnergyActors.Grains.Abstractions.Webhooks;

/// <summary>Where a fleet wants its alerts' state changes sent; its secret is never shown again after creation.</summary>
[GenerateSerializer, Immutable, Alias("ea.Webhook")]
public sealed record Webhook(
    [property: Id(0)] string WebhookId,
    [property: Id(1)] string Url,
    [property: Id(2)] IReadOnlyList<string> Kinds,
    [property: Id(3)] IReadOnlyList<string> Severities,
    [property: Id(4)] DateTimeOffset CreatedAt);

/// <summary>A webhook to register: empty kinds or severities mean all of them.</summary>
[GenerateSerializer, Immutable, Alias("ea.WebhookCreate")]
public sealed record WebhookCreate(
    [property: Id(0)] string Url,
    [property: Id(1)] string Secret,
    [property: Id(2)] IReadOnlyList<string> Kinds,
    [property: Id(3)] IReadOnlyList<string> Severities);

/// <summary>One alert state change for one webhook: queued, tried, delivered or given up.</summary>
[GenerateSerializer, Immutable, Alias("ea.WebhookDelivery")]
public sealed record WebhookDelivery(
    [property: Id(0)] long DeliveryId,
    [property: Id(1)] long AlertId,
    [property: Id(2)] string State,
    [property: Id(3)] int Attempts,
    [property: Id(4)] DateTimeOffset QueuedAt,
    [property: Id(5)] DateTimeOffset? DeliveredAt,
    [property: Id(6)] DateTimeOffset? GivenUpAt,
    [property: Id(7)] DateTimeOffset? NextAttemptAt,
    [property: Id(8)] int? LastStatus,
    [property: Id(9)] string? LastError,
    [property: Id(10)] double? LatencyMs);
