using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace EnergyActors.Gateway.Contracts;

/// <summary>Source-generated serialization for the hot response types (no reflection per request).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(BatchIngestResponse))]
[JsonSerializable(typeof(MeterStatusResponse))]
[JsonSerializable(typeof(VehicleStatusResponse))]
[JsonSerializable(typeof(PerformanceResponse))]
[JsonSerializable(typeof(FleetResponse))]
[JsonSerializable(typeof(MeterLinkResponse))]
[JsonSerializable(typeof(AlertListResponse))]
[JsonSerializable(typeof(AlertResponse))]
[JsonSerializable(typeof(AlertRulesResponse))]
[JsonSerializable(typeof(WebhookResponse))]
[JsonSerializable(typeof(WeatherFileResponse))]
[JsonSerializable(typeof(WeatherFileListResponse))]
[JsonSerializable(typeof(WebhookListResponse))]
[JsonSerializable(typeof(WebhookDeliveryListResponse))]
[JsonSerializable(typeof(SiteResponse))]
[JsonSerializable(typeof(SiteListResponse))]
[JsonSerializable(typeof(SiteStatusResponse))]
[JsonSerializable(typeof(SiteStatusResponse[]))]
[JsonSerializable(typeof(SiteRollupResponse[]))]
[JsonSerializable(typeof(SiteReplayResponse))]
[JsonSerializable(typeof(FleetAccountResponse))]
[JsonSerializable(typeof(FleetAccountListResponse))]
[JsonSerializable(typeof(CreatedKeyResponse))]
[JsonSerializable(typeof(KeyResponse))]
[JsonSerializable(typeof(KeyListResponse))]
[JsonSerializable(typeof(AuditListResponse))]
[JsonSerializable(typeof(ConsoleEvent))]
[JsonSerializable(typeof(CallerResponse))]
[JsonSerializable(typeof(VehicleHoursResponse))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;
