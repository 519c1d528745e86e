using System.Text.Json;
using System.Text.Json.Serialization;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of PUT /v1/vehicles/{vehicleId}/meter.</summary>
public sealed record MeterLinkRequest : IBodyContract<MeterLinkRequest>
{
    /// <summary>The meter (charger) the vehicle draws from: 1 to 64 characters of [A-Za-z0-9._:-].</summary>
    [JsonRequired]
    public string MeterId { get; init; } = string.Empty;

    static string IBodyContract<MeterLinkRequest>.Example => "{\"meterId\": \"...\"}";

    static MeterLinkRequest? IBodyContract<MeterLinkRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var meterId = body.TryGetProperty("meterId", out var value) && JsonText.TryGetString(value, out var text) ? text : null;
        if (!DeviceId.IsValid(meterId))
        {
            errors.Add(Problems.InvalidIdError("meterId"));
            return null;
        }

        return new MeterLinkRequest { MeterId = meterId! };
    }
}

/// <summary>A vehicle's meter link.</summary>
public sealed record MeterLinkResponse(string VehicleId, string MeterId, DateTime LinkedAt);
