using System.Text.Json.Serialization;
using EnergyActors.Gateway.Access;
using EnergyActors.Gateway.Admin;
using EnergyActors.Gateway.Alerts;
using EnergyActors.Gateway.Analytics;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Gateway.Links;
using EnergyActors.Gateway.OpenApi;
using EnergyActors.Gateway.Operations;
using EnergyActors.Gateway.OperatorConsole;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Resilience;
using EnergyActors.Gateway.Sites;
using EnergyActors.Gateway.Status;
using EnergyActors.Gateway.Webhooks;
using EnergyActors.ServiceDefaults;
using EnergyActors.ServiceDefaults.Operations;
using Npgsql;
using Scalar.AspNetCore;

namespace EnergyActors.Gateway;

/// <summary>The gateway's services and its HTTP surface.</summary>
public static class GatewayApi
{
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var apiLimits = builder.Configuration.GetSection(ApiLimitsOptions.SectionName).Get<ApiLimitsOptions>() ?? new ApiLimitsOptions();
        builder.Services.AddOptions<ApiLimitsOptions>().Bind(builder.Configuration.GetSection(ApiLimitsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = apiLimits.MaxRequestBodyBytes);
        builder.AddManagementUrls();

        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:Postgres' is not configured.");
        builder.UseEnergyActorsClusterClient(TimeSpan.FromSeconds(apiLimits.GrainCallTimeoutSeconds));
        builder.AddGatewayAccess();

        // Named, so that Npgsql's metrics label the pool "gateway" instead of the connection string (host, port, user, database).
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = "gateway" }.Build());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReadingParser>();
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<FleetFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FleetFeed>());
        builder.Services.AddSingleton(sp => new SiloLossRetry(
            TimeSpan.FromSeconds(apiLimits.GrainCallTimeoutSeconds), sp.GetRequiredService<GatewayMetrics>(), sp.GetRequiredService<ILogger<SiloLossRetry>>()));
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default);
            // No endpoint reads JSON through these options: the request readers refuse a number written as a string. Strict
            // (instead of the web default, which reads "1.5" as a number) makes the OpenAPI schemas say what is accepted.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = QueryProblems.Reshape);
        builder.Services.AddValidation();
        builder.Services.AddExceptionHandler<FleetAccessExceptionHandler>();
        builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
        builder.Services.AddSingleton<MatcherPolicy, RequestFramingPolicy>();
        builder.Services.AddGatewayOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("orleans", tags: [OperationsEndpoints.ReadyTag])
            .AddCheck<PostgresHealthCheck>("postgres", tags: [OperationsEndpoints.ReadyTag]);
        builder.AddEnergyActorsTelemetry("energyactors-gateway");
        return builder;
    }

    public static WebApplication MapGatewayApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // After the status code pages, so what it hides answers exactly as a path that does not exist.
        app.UseOperationsAccess();
        // Before access: the console's files load without a key, its data does not.
        app.UseConsoleFiles();
        app.UseGatewayAccess();

        // The documents describe the API to whoever is about to get a key; they hold no fleet's data.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api", page => page.AddPreferredSecuritySchemes([SecurityDocumentation.SchemeName])).AllowAnonymous();
        app.MapOperationsEndpoints();

        // Every operation needs a key (401), judges its input (400) and calls grains, which answer 503 when the cluster or
        // PostgreSQL cannot take it. Each group names the policy of its roles; one that named none would still need a key.
        var v1 = app.MapGroup("/v1")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        var telemetry = v1.MapGroup("/telemetry").WithTags("Telemetry");
        telemetry.MapGroup(string.Empty).RequireAuthorization(AccessPolicies.Ingest).MapTelemetryIngestion();
        Operated(telemetry).MapDeviceStatus();
        Operated(v1.MapGroup("/vehicles").WithTags("Vehicles")).MapMeterLinks();
        Operated(v1.MapGroup("/analytics").WithTags("Analytics")).MapAnalytics();
        Operated(v1.MapGroup("/alerts").WithTags("Alerts")).MapAlerts();
        Operated(v1.MapGroup("/alert-rules").WithTags("Alerts")).MapAlertRules();
        Operated(v1.MapGroup("/webhooks").WithTags("Alerts")).MapWebhooks();
        Operated(v1.MapGroup("/sites").WithTags("Sites")).MapSites();
        Operated(v1.MapGroup("/weather-files").WithTags("Sites")).MapWeatherFiles();
        Operated(v1.MapGroup("/events").WithTags("Events")).MapEvents();
        v1.MapGroup("/caller").WithTags("Access").RequireAuthorization().MapCaller();
        v1.MapGroup("/admin").WithTags("Admin").RequireAuthorization(AccessPolicies.Administer).ProducesProblem(StatusCodes.Status403Forbidden).MapAdmin().MapAudit().MapDashboardSession();
        app.MapOrleansDashboardForAdmins();
        return app;
    }

    private static RouteGroupBuilder Operated(RouteGroupBuilder group) =>
        group.MapGroup(string.Empty).RequireAuthorization(AccessPolicies.Operate).ProducesProblem(StatusCodes.Status403Forbidden);
}
