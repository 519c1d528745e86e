using EnergyActors.Grains.Abstractions;
using EnergyActors.ServiceDefaults;
using EnergyActors.ServiceDefaults.Operations;
using EnergyActors.Silo;
using EnergyActors.Silo.Storage;

// Content root = where the binaries are, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

var clusterHost = builder.Configuration.GetSection(ClusterHostOptions.SectionName).Get<ClusterHostOptions>() ?? new ClusterHostOptions();

// Order matters: hosted services start in registration order and stop in reverse. The database is
// migrated before Orleans joins the cluster, and the history writer outlives the silo on shutdown
// so grains finishing their last calls can still commit.
builder.Services.AddEnergyActorsStorage(builder.Configuration);
builder.Services.AddHostedService<DatabaseStartupService>();

builder.UseOrleans(silo => silo
    .UseEnergyActorsEndpoints(clusterHost)
    .UseEnergyActorsTls(clusterHost.Tls)
    .UseEnergyActorsClustering(builder.Configuration)
    .UseEnergyActorsKubernetesHosting(builder.Configuration)
    .UseEnergyActorsGrainStorage()
    .AddActivityPropagation());

builder.AddEnergyActorsTelemetry("energyactors-silo");
builder.AddManagementUrls();
builder.Services.AddHealthChecks()
    .AddCheck<PostgresHealthCheck>("postgres", tags: [OperationsEndpoints.ReadyTag]);

var app = builder.Build();
app.UseOperationsAccess();
app.MapOperationsEndpoints();
app.Logger.LogInformation(
    "Silo {ClusterId}/{ServiceId} on silo port {SiloPort}, gateway port {GatewayPort}; grain interfaces from {Assembly}",
    clusterHost.ClusterId,
    clusterHost.ServiceId,
    clusterHost.SiloPort,
    clusterHost.GatewayPort,
    typeof(IMeterGrain).Assembly.GetName().Name);
await app.RunAsync();
