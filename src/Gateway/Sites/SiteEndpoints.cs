using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Sites;

/// <summary>/v1/sites: the site registry, live control, status, history, replay and outage events.</summary>
public static class SiteEndpoints
{
    private const int MaxListLimit = 1_000;
    private const int MaxHistoryRows = 10_000;

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

    private static async Task<Results<Ok<SiteListResponse>, ValidationProblem>> List(string? after, string? limit, IGrainFactory grains)
    {
        if (after is not null && !DeviceId.IsValid(after))
        {
            return Problems.InvalidId("after");
        }

        if (Problems.Limit(limit, 1, MaxListLimit, out var take, fallback: 100) is { } limitError)
        {
            return ValidationResults.From(limitError);
        }

        var sites = await grains.GetGrain<ISiteQueryGrain>(0).List(after, take);
        return TypedResults.Ok(new SiteListResponse(sites.Select(SiteResponse.From).ToList(), sites.Count == take ? sites[^1].SiteId : null));
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

    private static async Task<Results<Ok<SiteStatusResponse[]>, Ok<SiteRollupResponse[]>, ValidationProblem>> History(
        string siteId, string? from, string? to, string? resolution, string? limit, IGrainFactory grains, TimeProvider time)
    {
        var errors = new List<FieldError>();
        var end = QueryTime(to, "to", errors) ?? time.GetUtcNow();
        var start = QueryTime(from, "from", errors) ?? end.AddDays(-1);
        resolution ??= "raw";
        if (resolution is not ("raw" or "15m" or "1h" or "1d"))
        {
            errors.Add(new FieldError("resolution", "'resolution' must be raw, 15m, 1h or 1d."));
        }

        if (start >= end)
        {
            errors.Add(new FieldError("from", "'from' must be before 'to'."));
        }

        if (Problems.Limit(limit, 1, MaxHistoryRows, out var take, fallback: MaxHistoryRows) is { } limitError)
        {
            errors.Add(limitError);
        }

        if (errors.Count > 0)
        {
            return ValidationResults.From(errors);
        }

        var history = await grains.GetGrain<ISiteQueryGrain>(0).History(new SiteHistoryQuery(siteId, start, end, resolution, take));
        return resolution == "raw"
            ? TypedResults.Ok(history.Raw.Select(r => SiteStatusResponse.From(siteId, r)).ToArray())
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

    private static DateTimeOffset? QueryTime(string? value, string field, List<FieldError> errors) =>
        value is not null && TimestampField.TryParse(value, field, errors, out var parsed) ? parsed : null;

    private static ProblemHttpResult UnknownSite(string siteId) => Problems.NotFound("Unknown site", $"Site '{siteId}' is not registered.");
}
