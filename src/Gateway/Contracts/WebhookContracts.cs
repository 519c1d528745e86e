using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Alerts;
using EnergyActors.Grains.Abstractions.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace EnergyActors.Gateway.Contracts;

/// <summary>
/// The body of POST /v1/webhooks: where to POST alert changes (http or https), the secret that signs them (16 to 256
/// characters, never shown again), and optionally which kinds and severities (left out or empty: all).
/// </summary>
public sealed record WebhookCreateRequest(string Url, string Secret, IReadOnlyList<string>? Kinds, IReadOnlyList<string>? Severities)
    : IBodyContract<WebhookCreateRequest>
{
    private const int MaxUrl = 2048;

    static string IBodyContract<WebhookCreateRequest>.Example =>
        """{"url": "https://ops.example.com/hooks/energy", "secret": "a long random secret", "severities": ["critical"]}""";

    static WebhookCreateRequest? IBodyContract<WebhookCreateRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var url = body.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()! : null;
        if (url is null || url.Length > MaxUrl || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || !TextRules.IsClean(url))
        {
            errors.Add(new FieldError("url", $"'url' must be an absolute http or https URL of at most {MaxUrl} characters, without user information."));
        }

        var secret = body.TryGetProperty("secret", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : null;
        if (secret is not { Length: >= 16 and <= 256 } || !TextRules.IsClean(secret))
        {
            errors.Add(new FieldError("secret", "'secret' must be 16 to 256 characters without control characters."));
        }

        var kinds = Names(body, "kinds", AlertKinds.All, errors);
        var severities = Names(body, "severities", AlertKinds.Severities, errors);
        return errors.Count == 0 ? new WebhookCreateRequest(url!, secret!, kinds, severities) : null;
    }

    public WebhookCreate ToCreate() => new(Url, Secret, Kinds ?? [], Severities ?? []);

    private static string[]? Names(JsonElement body, string field, IReadOnlyList<string> known, List<FieldError> errors)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() <= known.Count
            && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String && known.Contains(v.GetString()!)))
        {
            return [.. value.EnumerateArray().Select(v => v.GetString()!).Distinct(StringComparer.Ordinal)];
        }

        errors.Add(new FieldError(field, $"'{field}' must be an array of {string.Join(", ", known)}."));
        return null;
    }
}

/// <summary>A webhook, without its secret.</summary>
public sealed record WebhookResponse(string WebhookId, string Url, IReadOnlyList<string> Kinds, IReadOnlyList<string> Severities, DateTime CreatedAt)
{
    public static WebhookResponse From(Webhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        return new(webhook.WebhookId, webhook.Url, webhook.Kinds, webhook.Severities, webhook.CreatedAt.UtcDateTime);
    }
}

/// <summary>The fleet's webhooks, oldest first.</summary>
public sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Webhooks);

/// <summary>
/// One alert change for one webhook: <c>deliveredAt</c> once the receiver answered 2xx, <c>nextAttemptAt</c> while it is
/// still to be tried, <c>givenUpAt</c> once it no longer will be; the last attempt's status or error, and its duration.
/// </summary>
public sealed record WebhookDeliveryResponse(
    long DeliveryId,
    long AlertId,
    string State,
    int Attempts,
    DateTime QueuedAt,
    DateTime? DeliveredAt,
    DateTime? GivenUpAt,
    DateTime? NextAttemptAt,
    int? LastStatus,
    string? LastError,
    double? LatencyMs)
{
    public static WebhookDeliveryResponse From(WebhookDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.DeliveryId, d.AlertId, d.State, d.Attempts, d.QueuedAt.UtcDateTime, d.DeliveredAt?.UtcDateTime, d.GivenUpAt?.UtcDateTime,
            d.NextAttemptAt?.UtcDateTime, d.LastStatus, d.LastError, d.LatencyMs);
    }
}

/// <summary>A webhook's deliveries, newest first.</summary>
public sealed record WebhookDeliveryListResponse(IReadOnlyList<WebhookDeliveryResponse> Deliveries);

/// <summary>The query of GET /v1/webhooks/{webhookId}/deliveries.</summary>
public sealed class WebhookDeliveryParameters
{
    [Description("At most this many deliveries, 1 to 1000 (default 100).")]
    [FromQuery(Name = "limit")]
    [WholeNumber(1, 1000)]
    public string? Limit { get; init; }

    public int Take => Limit is null ? 100 : int.Parse(Limit, CultureInfo.InvariantCulture);
}
