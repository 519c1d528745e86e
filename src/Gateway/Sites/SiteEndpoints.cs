using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Sites;

/// <summary>/v1/sites: the site registry, live control, status, history, replay and outage events.</summary>
public static class SiteEndpoints
{
    public static RouteGroupBuilder MapSites(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithRequestRules("siteId");
        group.MapPost("/", Create).WithName("CreateSite").WithSummary("Register a site (simulated by default)");
        group.MapGet("/", List).WithName("ListSites").WithSummary("Sites in id order (?after=&limit=)");
        group.MapGet("/{siteId}", Get).WithName("GetSite");
        group.MapPatch("/{siteId}", Patch).WithName("PatchSite").WithSummary("Change interval, running and capacities; applied at the next tick");
        group.MapDelete("/{siteId}", Delete).WithName("DeleteSite");
        group.MapGet("/{siteId}/status", Status).WithName("GetSiteStatus").WithSummary("The site's latest interval");
        group.MapGet("/{siteId}/history", History).WithName("GetSiteHistory").WithSummary("?from=&to=&resolution=raw|15m|1h|1d, oldest first");
        group.MapPost("/{siteId}/replay", StartReplay).WithName("ReplaySite").WithSummary("Simulate a past period into history as fast as possible");
        group.MapGet("/{siteId}/replay", GetReplay).WithName("GetSiteReplay");
        group.MapPost("/{siteId}/events/outage", Outage).WithName("StartSiteOutage").WithSummary("A grid outage of {minutes}");
        return group;
    }

    private static async Task<Results<Created<SiteResponse>, ValidationProblem, ProblemHttpResult>> Create(Body<SiteCreateRequest> body, IGrainFactory grains)
    {
        var site = body.Value;
        var siteId = site.SiteId ?? $"site-{Guid.NewGuid():N}"[..17];
        var result = await grains.GetGrain<ISiteGrain>(siteId).Create(site.ToConfig());
        return result.Created
            ? TypedResults.Created($"/v1/sites/{siteId}", SiteResponse.From(result.Site))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Site exists", detail: $"Site '{siteId}' is already registered.");
    }

    private static async Task<Ok<SiteListResponse>> List([AsParameters] SiteListParameters query, IGrainFactory grains)
    {
        var sites = await grains.GetGrain<ISiteQueryGrain>(0).List(query.After, query.Take);
        return TypedResults.Ok(new SiteListResponse(sites.Select(SiteResponse.From).ToList(), sites.Count == query.Take ? sites[^1].SiteId : null));
    }

    private static async Task<Results<Ok<SiteResponse>, ValidationProblem, ProblemHttpResult>> Get(string siteId, IGrainFactory grains)
    {
        var site = await grains.GetGrain<ISiteGrain>(siteId).GetSite();
        return site is null ? UnknownSite(siteId) : TypedResults.Ok(SiteResponse.From(site));
    }

    private static async Task<Results<Ok<SiteResponse>, ValidationProblem, ProblemHttpResult>> Patch(string siteId, Body<SitePatchRequest> body, IGrainFactory grains)
    {
        var site = await grains.GetGrain<ISiteGrain>(siteId).Patch(body.Value.ToPatch());
        return site is null ? UnknownSite(siteId) : TypedResults.Ok(SiteResponse.From(site));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(string siteId, IGrainFactory grains) =>
        await grains.GetGrain<ISiteGrain>(siteId).Delete() ? TypedResults.NoContent() : UnknownSite(siteId);

    private static async Task<Results<Ok<SiteStatusResponse>, ValidationProblem, ProblemHttpResult>> Status(string siteId, IGrainFactory grains)
    {
        var latest = await grains.GetGrain<ISiteGrain>(siteId).GetStatus();
        return latest is null
            ? Problems.NotFound("No reading yet", $"Site '{siteId}' is unknown or has no interval yet.")
            : TypedResults.Ok(SiteStatusResponse.From(siteId, latest));
    }

    private static async Task<Results<Ok<SiteStatusResponse[]>, Ok<SiteRollupResponse[]>>> History([AsParameters] SiteHistoryParameters query, IGrainFactory grains, TimeProvider time)
    {
        var historyQuery = query.ToQuery(time);
        var history = await grains.GetGrain<ISiteQueryGrain>(0).History(historyQuery);
        return historyQuery.Resolution == "raw"
            ? TypedResults.Ok(history.Raw.Select(r => SiteStatusResponse.From(query.SiteId, r)).ToArray())
            : TypedResults.Ok(history.Rollups.Select(SiteRollupResponse.From).ToArray());
    }

    private static async Task<Results<Accepted<SiteReplayResponse>, ValidationProblem, ProblemHttpResult>> StartReplay(
        string siteId, Body<SiteReplayRequest> body, IGrainFactory grains)
    {
        var replay = await grains.GetGrain<ISiteGrain>(siteId).StartReplay(body.Value.From, body.Value.To);
        return replay is null
            ? UnknownSite(siteId)
            : TypedResults.Accepted($"/v1/sites/{siteId}/replay", SiteReplayResponse.Of(siteId, replay));
    }

    private static async Task<Results<Ok<SiteReplayResponse>, ValidationProblem, ProblemHttpResult>> GetReplay(string siteId, IGrainFactory grains)
    {
        var replay = await grains.GetGrain<ISiteGrain>(siteId).GetReplay();
        return replay is null
            ? Problems.NotFound("No replay", $"Site '{siteId}' has no replay in this activation.")
            : TypedResults.Ok(SiteReplayResponse.Of(siteId, replay));
    }

    private static async Task<Results<Ok<SiteResponse>, ValidationProblem, ProblemHttpResult>> Outage(string siteId, Body<SiteOutageRequest> body, IGrainFactory grains)
    {
        var site = await grains.GetGrain<ISiteGrain>(siteId).StartOutage(body.Value.Minutes);
        return site is null ? UnknownSite(siteId) : TypedResults.Ok(SiteResponse.From(site));
    }

    private static ProblemHttpResult UnknownSite(string siteId) => Problems.NotFound("Unknown site", $"Site '{siteId}' is not registered.");
}
