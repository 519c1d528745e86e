namespace EnergyActors.Gateway.Contracts;

/// <summary>The body of POST /v1/sites/{siteId}/events/outage.</summary>
public sealed record SiteOutageRequest(int Minutes);
