namespace EnergyActors.Gateway.Contracts;

/// <summary>Alerts, newest first.</summary>
public sealed record AlertListResponse(IReadOnlyList<AlertResponse> Alerts);
