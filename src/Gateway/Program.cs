using EnergyActors.Gateway;
using EnergyActors.Gateway.Alerts;
using EnergyActors.Gateway.Analytics;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Gateway.Links;
using EnergyActors.Gateway.Operations;
using EnergyActors.Gateway.Requests;
using EnergyActors.Gateway.Sites;
using EnergyActors.Gateway.Status;
using EnergyActors.ServiceDefaults;
using Npgsql;
using Scalar.AspNetCore;

// Content root = where the binaries are, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

var apiLimits = builder.Configuration.GetSection(ApiLimitsOptions.SectionName).Get<ApiLimitsOptions>() ?? new ApiLimitsOptions();
builder.Services.AddOptions<ApiLimitsOptions>().Bind(builder.Configuration.GetSection(ApiLimitsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = apiLimits.MaxRequestBodyBytes);

var connectionString = builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:Postgres' is not configured.");
builder.UseEnergyActorsClusterClient(TimeSpan.FromSeconds(apiLimits.GrainCallTimeoutSeconds));

// Named, so that Npgsql's metrics label the pool "gateway" instead of the connection string (host, port, user, database).
builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = "gateway" }.Build());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ReadingParser>();
builder.Services.AddSingleton<GatewayMetrics>();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, GatewayJsonContext.Default));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = QueryProblems.Reshape);
builder.Services.AddValidation();
builder.Services.AddExceptionHandler<UnavailableExceptionHandler>();
builder.Services.AddSingleton<MatcherPolicy, RequestFramingPolicy>();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks()
    .AddCheck<ClusterHealthCheck>("orleans", tags: [OperationsEndpoints.ReadyTag])
    .AddCheck<PostgresHealthCheck>("postgres", tags: [OperationsEndpoints.ReadyTag]);
builder.AddEnergyActorsTelemetry("energyactors-gateway");

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapScalarApiReference("/api");
app.MapOperationsEndpoints();

var telemetry = app.MapGroup("/v1/telemetry").WithTags("Telemetry");
telemetry.MapTelemetryIngestion();
telemetry.MapDeviceStatus();
app.MapGroup("/v1/vehicles").WithTags("Vehicles").MapMeterLinks();
app.MapGroup("/v1/analytics").WithTags("Analytics").MapAnalytics();
app.MapGroup("/v1/alerts").WithTags("Alerts").MapAlerts();
app.MapGroup("/v1/sites").WithTags("Sites").MapSites();

await app.RunAsync();

/// <summary>Visible to the HTTP tests, which host this gateway on a real Kestrel.</summary>
public partial class Program;
