namespace EnergyActors.Gateway.Contracts;

/// <summary>A page of sites in id order; <c>next</c> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record SiteListResponse(IReadOnlyList<SiteResponse> Sites, string? Next);
