using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace EnergyActors.Silo.Webhooks;

/// <summary>
/// The dispatcher's queue, options and HTTP client (no redirects, only addresses it may reach, and per attempt a short
/// retry with back-off inside a deadline). The dispatcher itself is started by the host once the schema is migrated.
/// </summary>
public static class WebhookSetup
{
    public static IServiceCollection AddWebhookDispatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.LeaseSeconds > 2 * o.AttemptTimeoutSeconds, "Webhooks:LeaseSeconds must be more than twice Webhooks:AttemptTimeoutSeconds, or a slow attempt's delivery is claimed again while it is still being sent.")
            .ValidateOnStart();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<WebhookMetrics>();
        services.AddHttpClient(WebhookDispatcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = WebhookNetworkGuard.Connect(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowPrivateNetworks),
            })
            .AddResilienceHandler("webhook-attempt", (pipeline, context) =>
            {
                var attempt = TimeSpan.FromSeconds(context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.AttemptTimeoutSeconds);
                // A blip (a reset connection, a 503 from a restarting receiver) is retried at once, twice; longer outages
                // wait in the queue with its persisted back-off.
                pipeline
                    .AddTimeout(attempt * 2)
                    .AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(200), BackoffType = DelayBackoffType.Exponential, UseJitter = true })
                    .AddTimeout(attempt);
            });
        return services;
    }
}
