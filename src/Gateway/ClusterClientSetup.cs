using EnergyActors.Gateway.OperatorConsole;
using EnergyActors.ServiceDefaults.Transport;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

namespace EnergyActors.Gateway;

/// <summary>
/// The gateway's Orleans client, with every setting that decides how fast a request is answered when a silo
/// dies: the client learns of silos from the PostgreSQL membership table, routes around a dead gateway at
/// once, and never leaves a request waiting longer than its deadline.
/// </summary>
public static class ClusterClientSetup
{
    /// <summary>
    /// How often the client re-reads the active gateways. It drops a silo the cluster evicted (and closes its
    /// connection, which <see cref="GatewayLossGuard"/> notices) and finds a new or restarted silo within this;
    /// a gateway it saw fail is also retried only after this. While the only silo restarts, every request
    /// waits on this refresh after the silo is ready: one small query a second instead of every minute.
    /// </summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Requests for a gateway wait on a connection attempt; a host that vanished without a reset (no RST) would
    /// hold them for Orleans' default 5 s. On a LAN a connection and its preamble take milliseconds.
    /// </summary>
    public static readonly TimeSpan OpenConnectionTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// When a gateway connection dies, calls already in flight get this long to answer before they are failed
    /// (see <see cref="GatewayLossGuard"/>) and, where safe, sent again: ample for a healthy call, and short because
    /// a connection is dropped only once its silo is declared dead, late in the request's deadline.
    /// </summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(1);

    /// <summary>Adds the Orleans client (on the gateway's <see cref="NpgsqlDataSource"/>); <paramref name="deadline"/> bounds every grain call (Gateway:GrainCallTimeoutSeconds).</summary>
    public static WebApplicationBuilder UseEnergyActorsClusterClient(this WebApplicationBuilder builder, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(sp => new GatewayLossGuard(InFlightGrace, sp.GetRequiredService<ILogger<GatewayLossGuard>>()));
        builder.Services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<GatewayLossGuard>());
        builder.Services.AddSingleton<IOutgoingGrainCallFilter>(sp => sp.GetRequiredService<GatewayLossGuard>());
        var tls = ClusterTls.Load(builder.Configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>());
        builder.UseOrleansClient(client =>
        {
            // The silos require a certificate of the client too when Orleans:Tls is on; without it, plain TCP as before.
            if (tls is not null)
            {
                client.UseTls(tls.Configure);
            }

            client
                // The gateway's one named data source: a connection string here would become a second pool whose
                // metrics label publishes the database's host, port, user and name.
                .UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> o) => o.Configure<NpgsqlDataSource>((options, dataSource) =>
                {
                    options.Invariant = "Npgsql";
                    options.DataSource = dataSource;
                }))
                .Configure<ClusterOptions>(builder.Configuration.GetSection("Orleans"))
                // The backstop: whatever else fails, a call ends (503) within the gateway's deadline.
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = deadline)
                .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = GatewayListRefreshPeriod)
                .Configure<ConnectionOptions>(o => o.OpenConnectionTimeout = OpenConnectionTimeout)
                // Silos may start after the gateway (or all restart): keep trying instead of failing start-up.
                .UseConnectionRetryFilter(async (_, cancellationToken) =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                    return true;
                })
                .AddActivityPropagation()
                .AddOrleansDashboardClient();
        });
        return builder;
    }
}
