using EnergyActors.Grains.Abstractions;
using EnergyActors.Grains.Abstractions.Access;

namespace EnergyActors.Gateway.Access;

/// <summary>
/// Records every change an authenticated caller asked for (POST, PUT, PATCH or DELETE under /v1, ingestion aside)
/// in the audit log with the answer it got, refusals included. It runs once the caller is known and records as the
/// answer starts, so the status is the one the client sees, whichever handler wrote it, and the entry is stored before
/// the client has the answer.
/// </summary>
public static partial class AuditTrail
{
    public static IApplicationBuilder UseAuditTrail(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var grains = app.ApplicationServices.GetRequiredService<IGrainFactory>();
        var time = app.ApplicationServices.GetRequiredService<TimeProvider>();
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuditTrail));
        return app.Use((context, next) =>
        {
            // Taken now: an exception handler that answers later clears the endpoint and the route values.
            if (IsChange(context.Request) && CallerClaims.KeyIdOf(context.User) is { } keyId && context.GetEndpoint() is RouteEndpoint endpoint)
            {
                var call = (keyId, Fleet: FleetOf(context), Action: $"{context.Request.Method} {Route(endpoint)}", Target: context.Request.Path.Value ?? string.Empty);
                // Just before the answer's headers leave, with its final status: the change is on record before its sender learns the outcome.
                context.Response.OnStarting(() => RecordAsync(
                    new AuditEntry(0, time.GetUtcNow(), call.keyId, call.Fleet, call.Action, call.Target, context.Response.StatusCode), grains, logger));
            }

            return next(context);
        });
    }

    private static async Task RecordAsync(AuditEntry entry, IGrainFactory grains, ILogger logger)
    {
        try
        {
            await grains.GetGrain<IAuditLogGrain>(0).Record(entry);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or BackPressureException)
        {
            LogNotRecorded(logger, ex, entry.Action, entry.Status);
        }
    }

    /// <summary>The route as documented: a group's own root ("/v1/alert-rules/") without its trailing slash.</summary>
    private static string? Route(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { Length: > 1 } raw ? raw.TrimEnd('/') : endpoint.RoutePattern.RawText;

    private static bool IsChange(HttpRequest request) =>
        (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
        && request.Path.StartsWithSegments("/v1", StringComparison.Ordinal)
        && !request.Path.StartsWithSegments("/v1/telemetry", StringComparison.Ordinal);

    /// <summary>The fleet the change concerned: the one in its path, else the one an admin named, else the caller's own.</summary>
    private static string? FleetOf(HttpContext context) =>
        context.Request.RouteValues["fleetId"] as string
        ?? (CallerClaims.RoleOf(context.User) == CallerClaims.Admin ? (string?)context.Request.Query["fleetId"] ?? FleetScope.AllFleets : CallerClaims.FleetOf(context.User));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry for {Action} (answered {Status}) not recorded: the cluster did not take it")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string action, int status);
}
