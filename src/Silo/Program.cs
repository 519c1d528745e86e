using EnergyActors.Grains.Abstractions;
using EnergyActors.ServiceDefaults;
using EnergyActors.ServiceDefaults.Operations;
using EnergyActors.Silo;
using EnergyActors.Silo.Storage;
using EnergyActors.Silo.Webhooks;

// Content root = where the binaries are, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Under systemd (Type=notify) the unit counts as started once the host is, and stops wait for a graceful shutdown;
// elsewhere this does nothing.
builder.Services.AddSystemd();

var clusterHost = builder.Configuration.GetSection(ClusterHostOptions.SectionName).Get<ClusterHostOptions>() ?? new ClusterHostOptions();

// Checked before anything starts: a silo advertising an address nobody can dial would join the cluster and be voted dead.
ClusterEndpoints endpoints;
try
{
    endpoints = ClusterEndpoints.Resolve(clusterHost);
}
catch (InvalidOperationException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

// Order matters: hosted services start in registration order and stop in reverse. The database is
// migrated before Orleans joins the cluster, and the history writer outlives the silo on shutdown
// so grains finishing their last calls can still commit.
builder.Services.AddEnergyActorsStorage(builder.Configuration);
builder.Services.AddHostedService<DatabaseStartupService>();
// After the migration: its queue must exist before its first claim.
builder.Services.AddHostedService<WebhookDispatcher>();

builder.UseOrleans(silo => silo
    .UseEnergyActorsEndpoints(clusterHost, endpoints)
    .UseEnergyActorsTls(clusterHost.Tls)
    .UseEnergyActorsClustering(builder.Configuration)
    .UseEnergyActorsKubernetesHosting(builder.Configuration)
    .UseEnergyActorsGrainStorage()
    .UseEnergyActorsDashboard()
    .AddActivityPropagation());

builder.AddEnergyActorsTelemetry("energyactors-silo");
builder.AddManagementUrls();
builder.Services.AddHealthChecks()
    .AddCheck<PostgresHealthCheck>("postgres", tags: [OperationsEndpoints.ReadyTag]);

var app = builder.Build();
app.UseOperationsAccess();
app.MapOperationsEndpoints();
app.Logger.LogInformation(
    "Silo {ClusterId}/{ServiceId}, {Endpoints}; grain interfaces from {Assembly}",
    clusterHost.ClusterId,
    clusterHost.ServiceId,
    endpoints,
    typeof(IMeterGrain).Assembly.GetName().Name);
await app.RunAsync();
return Environment.ExitCode;
