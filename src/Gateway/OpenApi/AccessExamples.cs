using EnergyActors.Gateway.Contracts;

namespace EnergyActors.Gateway.OpenApi;

/// <summary>The examples of the /v1/admin operations: fleets, their limits and keys, and the audit log (the secret shown is made up, in the real format).</summary>
public static class AccessExamples
{
    private static readonly DateTime At = new(2026, 1, 31, 14, 0, 0, DateTimeKind.Utc);

    public static FleetCreateRequest FleetCreate { get; } = new() { FleetId = "acme-north", Name = "ACME, northern depots" };

    private static readonly RateLimitsResponse Defaults = new(1_000, 100_000, Default: true);

    public static FleetAccountResponse Fleet { get; } = new("acme-north", "ACME, northern depots", At, new RateLimitsResponse(200, 20_000, Default: false));

    public static FleetAccountListResponse Fleets { get; } = new([Fleet, new("default", "Default fleet", At.AddDays(-30), Defaults)]);

    public static FleetPatchRequest FleetPatch { get; } = new() { RateLimits = new RateLimitsBody(200, 20_000) };

    public static AuditListResponse Audit { get; } = new(
    [
        new(42, At.AddMinutes(5), "b04e7a91c3d5f268", "acme-north", "POST /v1/sites/{siteId}/events/outage", "/v1/sites/depot-3/events/outage", 200),
        new(41, At, "3c5d7e9f1a2b4c6d", "acme-north", "POST /v1/admin/fleets/{fleetId}/keys", "/v1/admin/fleets/acme-north/keys", 201),
    ]);

    public static KeyCreateRequest KeyCreate { get; } = new() { Role = "device", Name = "charger 17, depot 3", ExpiresAt = new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero) };

    public static CreatedKeyResponse CreatedKey { get; } = new(
        "3f9a1c0e5b7d2468", "ea_3f9a1c0e5b7d2468_q7Vx0Zf3LrT9mB2kWc8uYdN4hJs6EaPo1Gi5KlRtXyQ", "device", "acme-north", "charger 17, depot 3", At, new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc));

    public static KeyResponse Key { get; } = new("3f9a1c0e5b7d2468", "device", "acme-north", "charger 17, depot 3", At, new DateTime(2027, 1, 31, 0, 0, 0, DateTimeKind.Utc));

    public static KeyListResponse Keys { get; } = new([Key, new("b04e7a91c3d5f268", "operator", "acme-north", "dispatch dashboard", At.AddHours(1), null)]);
}
