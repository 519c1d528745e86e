using System.Globalization;
using System.Threading.RateLimiting;
using EnergyActors.Gateway.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.RateLimits;

/// <summary>
/// Per-key limits on ASP.NET Core's rate limiting: every request takes one permit from its key's request bucket
/// (middleware, before any handler), and ingestion takes one permit per valid reading from its key's reading bucket
/// (<see cref="ReadingQuota"/>, after parsing, before any grain call). Over either: 429 with Retry-After, nothing stored.
/// Buckets live in each gateway: behind n gateways a key may reach n times its limit.
/// </summary>
public static class KeyRateLimits
{
    public static IServiceCollection AddKeyRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FleetLimitsCache>();
        services.AddSingleton<ReadingQuota>();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string KeyId, int PerSecond)>(context =>
                context.Features.Get<CallerLimits>() is { } limits
                    ? RateLimitPartition.GetTokenBucketLimiter((limits.KeyId, limits.RequestsPerSecond), key => Bucket(key.Item2))
                    : RateLimitPartition.GetNoLimiter((string.Empty, 0)));
            o.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return new ValueTask(TooMany(rejected.HttpContext, retryAfter, "This API key sent more requests per second than its fleet's limit.")
                    .ExecuteAsync(rejected.HttpContext));
            };
        });
        return services;
    }

    /// <summary>Finds the caller's limits (after authentication), then takes its request permit.</summary>
    public static IApplicationBuilder UseKeyRateLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var fleets = app.ApplicationServices.GetRequiredService<FleetLimitsCache>();
        app.Use(async (context, next) =>
        {
            if (CallerClaims.KeyIdOf(context.User) is { } keyId && keyId != CallerClaims.AnonymousKeyId && CallerClaims.FleetOf(context.User) is { } fleet)
            {
                context.Features.Set(await fleets.ForAsync(keyId, fleet));
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    /// <summary>Up to one second's worth at once, refilled ten times a second (once per permit below ten a second).</summary>
    internal static TokenBucketRateLimiterOptions Bucket(int perSecond) => new()
    {
        TokenLimit = perSecond,
        TokensPerPeriod = Math.Max(1, perSecond / 10),
        ReplenishmentPeriod = perSecond >= 10 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1.0 / perSecond),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    internal static ProblemHttpResult TooMany(HttpContext context, TimeSpan retryAfter, string detail)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Rate limit exceeded", detail: detail + " Nothing in this request was stored.");
    }
}
