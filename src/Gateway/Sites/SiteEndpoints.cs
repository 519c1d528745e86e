using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Resilience;
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
        group.MapPost("/", Create)
            .WithName("CreateSite")
            .WithSummary("Register a site")
            .WithDescription("Simulated by default (simulate: false for a real site fed through POST /v1/telemetry/site). The simulation "
                + "is deterministic: its randomness derives from the configuration and seed only. 409 when the id is taken.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithExamples(ApiExamples.Site, ApiExamples.SiteCreate);
        group.MapGet("/", List)
            .WithName("ListSites")
            .WithSummary("Sites in id order, a page at a time")
            .WithDescription("A page's next is the after of the following page; null on the last.")
            .WithExamples(ApiExamples.Sites);
        group.MapGet("/{siteId}", Get)
            .WithName("GetSite")
            .WithSummary("A site's configuration")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.Site);
        group.MapPatch("/{siteId}", Patch)
            .WithName("PatchSite")
            .WithSummary("Change a site's name, interval, running state, capacities or load profile")
            .WithDescription("Applied at the site's next interval, without a restart; other fields cannot be changed (400 naming them).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.Site, ApiExamples.SitePatch);
        group.MapDelete("/{siteId}", Delete)
            .WithName("DeleteSite")
            .WithSummary("Remove a site")
            .WithDescription("Stops its simulation and removes its registration.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{siteId}/status", Status)
            .WithName("GetSiteStatus")
            .WithSummary("The site's latest interval")
            .WithDescription("timestamp is the end of the interval; kW figures are its averages. 404 before the first interval.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.SiteStatus);
        group.MapGet("/{siteId}/history", History)
            .WithName("GetSiteHistory")
            .WithSummary("The site's intervals or rollups over a period, oldest first")
            .WithDescription("resolution=raw: rows in the status shape. 15m, 1h or 1d: a row per bucket [timestamp, timestamp + resolution) "
                + "with time-weighted mean kW, energies (kWh), the SOC range and the count of raw rows.")
            .WithOneOfArrays(typeof(SiteStatusResponse), typeof(SiteRollupResponse))
            .WithExamples(ApiExamples.SiteHistory);
        group.MapPost("/{siteId}/replay", StartReplay)
            .WithName("ReplaySite")
            .WithSummary("Simulate a past period into history, as fast as possible")
            .WithDescription("At most 366 days, ending no later than now; the same configuration and seed give the same rows. "
                + "Follow its progress at the Location.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.ReplayProgress, ApiExamples.Replay);
        group.MapGet("/{siteId}/replay", GetReplay)
            .WithName("GetSiteReplay")
            .WithSummary("The progress of the site's replay")
            .WithDescription("404 when the site has run no replay since it was last activated.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.ReplayProgress);
        group.MapPost("/{siteId}/events/outage", Outage)
            .WithName("StartSiteOutage")
            .WithSummary("Start a grid outage at the site")
            .WithDescription("For the given minutes the site neither imports nor exports: the battery alone carries the load, and "
                + "load it cannot serve is reported as unservedKw.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ApiExamples.SiteInOutage, ApiExamples.Outage);
        return group;
    }

    private static async Task<Results<Created<SiteResponse>, ProblemHttpResult>> Create(Body<SiteCreateRequest> body, IGrainFactory grains)
    {
        var site = body.Value;
        var siteId = site.SiteId ?? $"site-{Guid.NewGuid():N}"[..17];
        var result = await grains.GetGrain<ISiteGrain>(siteId).Create(site.ToConfig());
        return result.Created
            ? TypedResults.Created($"/v1/sites/{siteId}", SiteResponse.From(result.Site))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Site exists", detail: $"Site '{siteId}' is already registered.");
    }

    private static async Task<Ok<SiteListResponse>> List([AsParameters] SiteListParameters query, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var sites = await retry.RunAsync(() => grains.GetGrain<ISiteQueryGrain>(0).List(query.After, query.Take), cancellationToken);
        return TypedResults.Ok(new SiteListResponse(sites.Select(SiteResponse.From).ToList(), sites.Count == query.Take ? sites[^1].SiteId : null));
    }

    private static async Task<Results<Ok<SiteResponse>, ProblemHttpResult>> Get(string siteId, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var site = await retry.RunAsync(() => grains.GetGrain<ISiteGrain>(siteId).GetSite(), cancellationToken);
        return site is null ? UnknownSite(siteId) : TypedResults.Ok(SiteResponse.From(site));
    }

    private static async Task<Results<Ok<SiteResponse>, ProblemHttpResult>> Patch(string siteId, Body<SitePatchRequest> body, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var site = await retry.RunAsync(() => grains.GetGrain<ISiteGrain>(siteId).Patch(body.Value.ToPatch()), cancellationToken);
        return site is null ? UnknownSite(siteId) : TypedResults.Ok(SiteResponse.From(site));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string siteId, IGrainFactory grains) =>
        await grains.GetGrain<ISiteGrain>(siteId).Delete() ? TypedResults.NoContent() : UnknownSite(siteId);

    private static async Task<Results<Ok<SiteStatusResponse>, ProblemHttpResult>> Status(string siteId, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var latest = await retry.RunAsync(() => grains.GetGrain<ISiteGrain>(siteId).GetStatus(), cancellationToken);
        return latest is null
            ? Problems.NotFound("No reading yet", $"Site '{siteId}' is unknown or has no interval yet.")
            : TypedResults.Ok(SiteStatusResponse.From(siteId, latest));
    }

    private static async Task<Results<Ok<SiteStatusResponse[]>, Ok<SiteRollupResponse[]>>> History([AsParameters] SiteHistoryParameters query, IGrainFactory grains, SiloLossRetry retry, TimeProvider time, CancellationToken cancellationToken)
    {
        var historyQuery = query.ToQuery(time);
        var history = await retry.RunAsync(() => grains.GetGrain<ISiteQueryGrain>(0).History(historyQuery), cancellationToken);
        return historyQuery.Resolution == "raw"
            ? TypedResults.Ok(history.Raw.Select(r => SiteStatusResponse.From(query.SiteId, r)).ToArray())
            : TypedResults.Ok(history.Rollups.Select(SiteRollupResponse.From).ToArray());
    }

    private static async Task<Results<Accepted<SiteReplayResponse>, ProblemHttpResult>> StartReplay(
        string siteId, Body<SiteReplayRequest> body, IGrainFactory grains)
    {
        var replay = await grains.GetGrain<ISiteGrain>(siteId).StartReplay(body.Value.From, body.Value.To);
        return replay is null
            ? UnknownSite(siteId)
            : TypedResults.Accepted($"/v1/sites/{siteId}/replay", SiteReplayResponse.Of(siteId, replay));
    }

    private static async Task<Results<Ok<SiteReplayResponse>, ProblemHttpResult>> GetReplay(string siteId, IGrainFactory grains, SiloLossRetry retry, CancellationToken cancellationToken)
    {
        var replay = await retry.RunAsync(() => grains.GetGrain<ISiteGrain>(siteId).GetReplay(), cancellationToken);
        return replay is null
            ? Problems.NotFound("No replay", $"Site '{siteId}' has no replay in this activation.")
            : TypedResults.Ok(SiteReplayResponse.Of(siteId, replay));
    }

    private static async Task<Results<Ok<SiteResponse>, ProblemHttpResult>> Outage(string siteId, Body<SiteOutageRequest> body, IGrainFactory grains)
    {
        var site = await grains.GetGrain<ISiteGrain>(siteId).StartOutage(body.Value.Minutes);
        return site is null ? UnknownSite(siteId) : TypedResults.Ok(SiteResponse.From(site));
    }

    private static ProblemHttpResult UnknownSite(string siteId) => Problems.NotFound("Unknown site", $"Site '{siteId}' is not registered.");
}
