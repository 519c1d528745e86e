namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of POST /v1/sites/{siteId}/replay: the past period to simulate.</summary>
public sealed record SiteReplayRequest(DateTimeOffset From, DateTimeOffset To);
