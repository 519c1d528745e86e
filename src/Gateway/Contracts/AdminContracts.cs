using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyActors.Gateway.Access;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Gateway.RateLimits;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of POST /v1/admin/fleets.</summary>
public sealed record FleetCreateRequest : IBodyContract<FleetCreateRequest>
{
    /// <summary>1 to 64 characters of [A-Za-z0-9._:-], as for device ids.</summary>
    [JsonRequired]
    public string FleetId { get; init; } = string.Empty;

    /// <summary>1 to 200 characters of text.</summary>
    [JsonRequired]
    public string Name { get; init; } = string.Empty;

    static string IBodyContract<FleetCreateRequest>.Example => "{\"fleetId\": \"...\", \"name\": \"...\"}";

    static FleetCreateRequest? IBodyContract<FleetCreateRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        var fleetId = ReadingParser.RequiredId(body, "fleetId", errors);
        var name = AdminText.Name(body, errors);
        return errors.Count == before ? new FleetCreateRequest { FleetId = fleetId, Name = name! } : null;
    }
}

/// <summary>The body of POST /v1/admin/fleets/{fleetId}/keys.</summary>
public sealed record KeyCreateRequest : IBodyContract<KeyCreateRequest>
{
    /// <summary>device (ingestion into its fleet), operator (everything under /v1 for its fleet) or admin (every fleet, and /v1/admin).</summary>
    [JsonRequired]
    public string Role { get; init; } = string.Empty;

    /// <summary>1 to 200 characters of text: what or who holds the key.</summary>
    [JsonRequired]
    public string Name { get; init; } = string.Empty;

    /// <summary>When the key stops working (RFC 3339, in the future); never when left out.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>The role as the grains hold it.</summary>
    internal ApiKeyRole KeyRole { get; init; }

    static string IBodyContract<KeyCreateRequest>.Example => "{\"role\": \"device\", \"name\": \"...\"}";

    static KeyCreateRequest? IBodyContract<KeyCreateRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(services);
        var before = errors.Count;
        var role = body.TryGetProperty("role", out var roleValue) && JsonText.TryGetString(roleValue, out var text) ? text : null;
        if (!CallerClaims.TryParseRole(role, out var keyRole))
        {
            errors.Add(new FieldError("role", "'role' must be device, operator or admin."));
        }

        var name = AdminText.Name(body, errors);
        DateTimeOffset? expiresAt = null;
        if (body.TryGetProperty("expiresAt", out var expiresValue) && expiresValue.ValueKind != JsonValueKind.Null)
        {
            if (TimestampField.TryParse(JsonText.TryGetString(expiresValue, out var at) ? at : null, "expiresAt", errors, out var parsed))
            {
                expiresAt = parsed;
                if (parsed <= services.GetRequiredService<TimeProvider>().GetUtcNow())
                {
                    errors.Add(new FieldError("expiresAt", "'expiresAt' must be in the future."));
                }
            }
        }

        return errors.Count == before ? new KeyCreateRequest { Role = role!, KeyRole = keyRole, Name = name!, ExpiresAt = expiresAt } : null;
    }
}

/// <summary>A fleet, with the limits each of its keys is held to.</summary>
public sealed record FleetAccountResponse(string FleetId, string Name, DateTime CreatedAt, RateLimitsResponse RateLimits)
{
    public static FleetAccountResponse From(FleetAccount fleet, RateLimitOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return new(fleet.FleetId, fleet.Name, fleet.CreatedAt.UtcDateTime, RateLimitsResponse.From(fleet.RateLimits, defaults));
    }
}

/// <summary>Every fleet, in id order.</summary>
public sealed record FleetAccountListResponse(IReadOnlyList<FleetAccountResponse> Fleets);

/// <summary>A key just created: <c>key</c> is its secret text, shown in this answer only.</summary>
public sealed record CreatedKeyResponse(string KeyId, string Key, string Role, string FleetId, string Name, DateTime CreatedAt, DateTime? ExpiresAt);

/// <summary>A key as listed: never its secret.</summary>
public sealed record KeyResponse(string KeyId, string Role, string FleetId, string Name, DateTime CreatedAt, DateTime? ExpiresAt)
{
    public static KeyResponse From(ApiKeyInfo key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.KeyId, CallerClaims.RoleName(key.Role), key.FleetId, key.Name, key.CreatedAt.UtcDateTime, key.ExpiresAt?.UtcDateTime);
    }
}

/// <summary>A fleet's keys that are not revoked, oldest first.</summary>
public sealed record KeyListResponse(IReadOnlyList<KeyResponse> Keys);

/// <summary>The names of fleets and keys: what an admin reads in listings.</summary>
internal static class AdminText
{
    public static string? Name(JsonElement body, List<FieldError> errors)
    {
        const string Expected = "'name' must be a string of 1 to 200 characters.";
        if (!body.TryGetProperty("name", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError("name", "'name' is required."));
            return null;
        }

        var text = JsonText.Read(value, "name", Expected, errors);
        if (text is not null && (string.IsNullOrWhiteSpace(text) || text.Length > 200))
        {
            errors.Add(new FieldError("name", Expected));
            return null;
        }

        return text;
    }
}
