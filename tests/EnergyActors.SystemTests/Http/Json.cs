using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EnergyActors.Tests.Http;

/// <summary>Small helpers to send raw JSON (tests must be able to send what a typed client never would).</summary>
public static class Json
{
    public static StringContent Body(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    public static StringContent Body(object value) => Body(JsonSerializer.Serialize(value, JsonSerializerOptions.Web));

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static string Meter(string meterId, string timestamp, double kwh = 1.5, double voltage = 240, string? vehicleId = null) =>
        JsonSerializer.Serialize(new { meterId, kwhConsumedAc = kwh, voltage, timestamp, vehicleId }, JsonSerializerOptions.Web);

    public static string Vehicle(string vehicleId, string timestamp, double soc = 75, double kwh = 1.2, double batteryTemp = 32) =>
        JsonSerializer.Serialize(new { vehicleId, soc, kwhDeliveredDc = kwh, batteryTemp, timestamp }, JsonSerializerOptions.Web);

    /// <summary>
    /// PUT /v1/alert-rules body that judges efficiency as alerts were judged before rules existed: on the first pair of
    /// readings, without hold-off or clear time. Tests that check an alert follows a verdict at once set it.
    /// </summary>
    public static string ImmediateEfficiencyRules { get; } = """
        {"rules": [
          {"kind": "EFFICIENCY_CRITICAL", "enabled": true, "severity": "critical", "threshold": 0.7, "holdOffSeconds": 0, "holdOffReadings": 1, "clearSeconds": 0, "minAcKwh": 0, "minReadings": 0},
          {"kind": "EFFICIENCY_ANOMALY", "enabled": true, "severity": "major", "threshold": 1.0, "holdOffSeconds": 0, "holdOffReadings": 1, "clearSeconds": 0, "minAcKwh": 0, "minReadings": 0}
        ]}
        """;
}
