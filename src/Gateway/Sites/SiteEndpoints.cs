using System.Text.Json;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Grains.Abstractions.Sites;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Sites;

/// <summary>/v1/sites: the site registry, live control, status, history, replay and outage events.</summary>
public static class SiteEndpoints
{
    private const int MaxListLimit = 1_000;
    private const int MaxHistoryRows = 10_000;
    private static readonly TimeSpan MaxReplaySpan = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapSites(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapPost("/", Create).WithName("CreateSite").WithSummary("Register a site (simulated by default)").Accepts<SiteCreateRequest>("application/json");
        group.MapGet("/", List).WithName("ListSites").WithSummary("Sites in id order (?after=&limit=)");
        group.MapGet("/{siteId}", Get).WithName("GetSite");
        group.MapPatch("/{siteId}", Patch).WithName("PatchSite").WithSummary("Change interval, running and capacities; applied at the next tick")
            .Accepts<SitePatchRequest>("application/json");
        group.MapDelete("/{siteId}", Delete).WithName("DeleteSite");
        group.MapGet("/{siteId}/status", Status).WithName("GetSiteStatus").WithSummary("The site's latest interval");
        group.MapGet("/{siteId}/history", History).WithName("GetSiteHistory").WithSummary("?from=&to=&resolution=raw|15m|1h|1d, oldest first");
        group.MapPost("/{siteId}/replay", StartReplay).WithName("ReplaySite").WithSummary("Simulate a past period into history as fast as possible")
            .Accepts<SiteReplayRequest>("application/json");
        group.MapGet("/{siteId}/replay", GetReplay).WithName("GetSiteReplay");
        group.MapPost("/{siteId}/events/outage", Outage).WithName("StartSiteOutage").WithSummary("A grid outage of {minutes}")
            .Accepts<SiteOutageRequest>("application/json");
        return group;
    }

    private static async Task<Results<Created<SiteResponse>, ValidationProblem, ProblemHttpResult>> Create(HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadObjectAsync(request, "{\"name\": \"...\", \"type\": \"residential\", ...}", cancellationToken);
        using (document)
        {
            if (error is { } malformed)
            {
                return ValidationResults.From(malformed);
            }

            var errors = new List<FieldError>();
            if (SiteRequestParser.ParseCreate(document!.RootElement, errors) is not { } parsed)
            {
                return ValidationResults.From(errors);
            }

            var result = await grains.GetGrain<ISiteGrain>(parsed.SiteId).Create(parsed.Config);
            return result.Created
                ? TypedResults.Created($"/v1/sites/{parsed.SiteId}", SiteResponse.From(result.Site))
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Site exists", detail: $"Site '{parsed.SiteId}' is already registered.");
        }
    }

    private static async Task<Results<Ok<SiteListResponse>, ValidationProblem>> List(string? after, string? limit, IGrainFactory grains)
    {
        if (after is not null && !SiteRequestParser.ValidId(after))
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
        if (!SiteRequestParser.ValidId(siteId))
        {
            return Problems.InvalidId("siteId");
        }

        var site = await grains.GetGrain<ISiteGrain>(siteId).GetSite();
        return site is null ? UnknownSite(siteId) : TypedResults.Ok(SiteResponse.From(site));
    }

    private static async Task<Results<Ok<SiteResponse>, ValidationProblem, ProblemHttpResult>> Patch(string siteId, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!SiteRequestParser.ValidId(siteId))
        {
            return Problems.InvalidId("siteId");
        }

        var (document, error) = await JsonBody.ReadObjectAsync(request, "{\"intervalMinutes\": 1, \"running\": false}", cancellationToken);
        using (document)
        {
            if (error is { } malformed)
            {
                return ValidationResults.From(malformed);
            }

            var errors = new List<FieldError>();
            if (SiteRequestParser.ParsePatch(document!.RootElement, errors) is not { } patch)
            {
                return ValidationResults.From(errors);
            }

            var site = await grains.GetGrain<ISiteGrain>(siteId).Patch(patch);
            return site is null ? UnknownSite(siteId) : TypedResults.Ok(SiteResponse.From(site));
        }
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Delete(string siteId, IGrainFactory grains)
    {
        if (!SiteRequestParser.ValidId(siteId))
        {
            return Problems.InvalidId("siteId");
        }

        return await grains.GetGrain<ISiteGrain>(siteId).Delete() ? TypedResults.NoContent() : UnknownSite(siteId);
    }

    private static async Task<Results<Ok<SiteStatusResponse>, ValidationProblem, ProblemHttpResult>> Status(string siteId, IGrainFactory grains)
    {
        if (!SiteRequestParser.ValidId(siteId))
        {
            return Problems.InvalidId("siteId");
        }

        var latest = await grains.GetGrain<ISiteGrain>(siteId).GetStatus();
        return latest is null
            ? Problems.NotFound("No reading yet", $"Site '{siteId}' is unknown or has no interval yet.")
            : TypedResults.Ok(SiteStatusResponse.From(siteId, latest));
    }

    private static async Task<Results<Ok<SiteStatusResponse[]>, Ok<SiteRollupResponse[]>, ValidationProblem>> History(
        string siteId, string? from, string? to, string? resolution, string? limit, IGrainFactory grains, TimeProvider time)
    {
        var errors = new List<FieldError>();
        if (!SiteRequestParser.ValidId(siteId))
        {
            return Problems.InvalidId("siteId");
        }

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
        string siteId, HttpRequest request, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!SiteRequestParser.ValidId(siteId))
        {
            return Problems.InvalidId("siteId");
        }

        var (document, error) = await JsonBody.ReadObjectAsync(request, "{\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2026-01-08T00:00:00Z\"}", cancellationToken);
        using (document)
        {
            if (error is { } malformed)
            {
                return ValidationResults.From(malformed);
            }

            var errors = new List<FieldError>();
            var start = BodyTime(document!.RootElement, "from", errors);
            var end = BodyTime(document.RootElement, "to", errors);
            if (errors.Count == 0)
            {
                if (end > time.GetUtcNow())
                {
                    errors.Add(new FieldError("to", "'to' must not be in the future: replay simulates the past."));
                }

                if (start >= end || end - start > MaxReplaySpan)
                {
                    errors.Add(new FieldError("from", "'from' must be before 'to', at most 366 days earlier."));
                }
            }

            if (errors.Count > 0)
            {
                return ValidationResults.From(errors);
            }

            var replay = await grains.GetGrain<ISiteGrain>(siteId).StartReplay(start, end);
            return replay is null
                ? UnknownSite(siteId)
                : TypedResults.Accepted($"/v1/sites/{siteId}/replay", SiteReplayResponse.Of(siteId, replay));
        }
    }

    private static async Task<Results<Ok<SiteReplayResponse>, ValidationProblem, ProblemHttpResult>> GetReplay(string siteId, IGrainFactory grains)
    {
        if (!SiteRequestParser.ValidId(siteId))
        {
            return Problems.InvalidId("siteId");
        }

        var replay = await grains.GetGrain<ISiteGrain>(siteId).GetReplay();
        return replay is null
            ? Problems.NotFound("No replay", $"Site '{siteId}' has no replay in this activation.")
            : TypedResults.Ok(SiteReplayResponse.Of(siteId, replay));
    }

    private static async Task<Results<Ok<SiteResponse>, ValidationProblem, ProblemHttpResult>> Outage(string siteId, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!SiteRequestParser.ValidId(siteId))
        {
            return Problems.InvalidId("siteId");
        }

        var (document, error) = await JsonBody.ReadObjectAsync(request, "{\"minutes\": 60}", cancellationToken);
        using (document)
        {
            if (error is { } malformed)
            {
                return ValidationResults.From(malformed);
            }

            if (!document!.RootElement.TryGetProperty("minutes", out var value) || value.ValueKind != JsonValueKind.Number
                || !value.TryGetInt32(out var minutes) || minutes is < 1 or > 10_080)
            {
                return ValidationResults.From(new FieldError("minutes", "'minutes' must be a whole number from 1 to 10080."));
            }

            var site = await grains.GetGrain<ISiteGrain>(siteId).StartOutage(minutes);
            return site is null ? UnknownSite(siteId) : TypedResults.Ok(SiteResponse.From(site));
        }
    }

    private static DateTimeOffset? QueryTime(string? value, string field, List<FieldError> errors) =>
        value is not null && TimestampField.TryParse(value, field, errors, out var parsed) ? parsed : null;

    private static DateTimeOffset BodyTime(JsonElement body, string field, List<FieldError> errors)
    {
        if (!body.TryGetProperty(field, out var value) || !JsonText.TryGetString(value, out var text))
        {
            errors.Add(new FieldError(field, TimestampField.MalformedMessage(field)));
            return default;
        }

        return TimestampField.TryParse(text, field, errors, out var parsed) ? parsed : default;
    }

    private static ProblemHttpResult UnknownSite(string siteId) => Problems.NotFound("Unknown site", $"Site '{siteId}' is not registered.");
}
