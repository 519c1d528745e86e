using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Silo.Webhooks;

/// <summary>How the silos deliver alert webhooks (section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>How often an idle dispatcher looks for due deliveries.</summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>A claimed delivery is due again after this, should its silo die while sending it.</summary>
    [Range(5, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>One attempt's deadline, the receiver's answer included.</summary>
    [Range(1, 120)]
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>Deliveries in flight per silo.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Deliveries in flight per silo to any one webhook: a receiver that hangs holds no more than these.</summary>
    [Range(1, 256)]
    public int ConcurrencyPerWebhook { get; set; } = 4;

    /// <summary>The wait after the first failed attempt; each further one doubles it, up to <see cref="MaxRetrySeconds"/>.</summary>
    [Range(1, 3600)]
    public int FirstRetrySeconds { get; set; } = 2;

    [Range(1, 86_400)]
    public int MaxRetrySeconds { get; set; } = 300;

    /// <summary>A delivery is given up after this many attempts (with the defaults, about a day of trying).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 300;

    /// <summary>
    /// Whether receivers on loopback, private, link-local or unique-local addresses are allowed. Off by default: an
    /// operator's webhook must not reach the cluster's own network (PostgreSQL, silos, cloud metadata).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
