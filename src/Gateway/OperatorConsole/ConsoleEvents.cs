using System.Net.ServerSentEvents;
using EnergyActors.Gateway.Access;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Grains.Abstractions.Access;
using EnergyActors.Grains.Abstractions.Feeds;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.OperatorConsole;

/// <summary>
/// GET /v1/events: the caller's fleet's changes as Server-Sent Events, for the console and any client: first
/// <c>snapshot</c> (read the state now, changes follow), then <c>vehicle</c>, <c>alert</c> and <c>site</c> events, and
/// a <c>ping</c> every 15 s so proxies keep the connection.
/// </summary>
public static class ConsoleEvents
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/", Follow)
            .WithName("FollowEvents")
            .WithSummary("The fleet's changes, live (Server-Sent Events)")
            .WithDescription("A text/event-stream: 'snapshot' first, then 'vehicle' {vehicleIds, more} when vehicles' figures change, "
                + "'alert' {deviceId, kind, active} when an alert is raised or cleared, 'site' (a site's newest interval, as its status), "
                + "and 'ping' every 15 s. Events are not replayed: after a reconnect, read the state again. An admin names the fleet with fleetId.")
            .WithEventStreamExample(ApiExamples.Events);
        return group;
    }

    private static Results<ServerSentEventsResult<ConsoleEvent>, ValidationProblem> Follow(HttpContext context, FleetFeed feed)
    {
        // The fleet the scope middleware settled on: the key's own, or the one an admin named (already validated).
        var fleet = FleetScope.Current;
        if (fleet is null or FleetScope.AllFleets)
        {
            return ValidationResults.From(new FieldError(FleetScopeMiddleware.FleetIdParameter, "An admin key names the fleet to follow with 'fleetId'."));
        }

        // Through proxies (nginx buffers by default) each event should leave at once.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(Events(feed, fleet, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<ConsoleEvent>> Events(FleetFeed feed, string fleet, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new SseItem<ConsoleEvent>(new ConsoleEvent(), "snapshot");
        await foreach (var change in feed.Follow(fleet, Heartbeat, cancellationToken))
        {
            yield return change is null ? new SseItem<ConsoleEvent>(new ConsoleEvent(), "ping") : Item(change);
        }
    }

    private static SseItem<ConsoleEvent> Item(FleetChange change) =>
        change.SiteId is { } siteId && change.SiteReading is { } reading
            ? new(new ConsoleEvent { SiteId = siteId, Site = SiteStatusResponse.From(siteId, reading) }, "site")
            : change.DeviceId is { } deviceId
                ? new(new ConsoleEvent { DeviceId = deviceId, Kind = change.AlertKind, Active = change.AlertActive }, "alert")
                : new(new ConsoleEvent { VehicleIds = change.VehicleIds, More = change.MoreVehicles }, "vehicle");
}
