using EnergyActors.Grains;
using EnergyActors.ServiceDefaults.Transport;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace EnergyActors.Silo;

/// <summary>Orleans on PostgreSQL: ADO.NET clustering, grain storage and reminders, all on one database.</summary>
public static class SiloBuilderExtensions
{
    public const string Invariant = "Npgsql";

    /// <summary>Membership in the PostgreSQL membership table; failure-detection timing from <c>Orleans:Membership</c>.</summary>
    public static ISiloBuilder UseEnergyActorsClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> o) => o.Configure<NpgsqlDataSource>((options, dataSource) =>
        {
            options.Invariant = Invariant;
            options.DataSource = dataSource;
        }));
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));
        return silo;
    }

    /// <summary>
    /// Grain state and reminders in PostgreSQL (also used by test clusters, which bring their own membership).
    /// Every provider shares the silo's one <see cref="NpgsqlDataSource"/>, so a silo holds one bounded
    /// connection pool rather than one per provider, and many silos fit under max_connections.
    /// </summary>
    public static ISiloBuilder UseEnergyActorsGrainStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.AddAdoNetGrainStorage(GrainStorage.Name, (OptionsBuilder<AdoNetGrainStorageOptions> o) => o.Configure<NpgsqlDataSource>((options, dataSource) =>
        {
            options.Invariant = Invariant;
            options.DataSource = dataSource;
        }));
        silo.UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> o) => o.Configure<NpgsqlDataSource>((options, dataSource) =>
        {
            options.Invariant = Invariant;
            options.DataSource = dataSource;
        }));
        return silo;
    }

    /// <summary>
    /// The Orleans Dashboard's silo side: each silo reports its counters and grain call times, which the gateways
    /// show admins at /console/dashboard. Call timing runs only while someone watches (a minute after the last look);
    /// the live log is off, since it would send every log line of the silo to a browser.
    /// </summary>
    public static ISiloBuilder UseEnergyActorsDashboard(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.AddDashboard(o => o.HideTrace = true);
    }

    /// <summary>Cluster identity, and the endpoints this silo advertises in the membership table and binds.</summary>
    public static ISiloBuilder UseEnergyActorsEndpoints(this ISiloBuilder silo, ClusterHostOptions options, ClusterEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(endpoints);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = endpoints.AdvertisedIP;
            o.SiloPort = endpoints.SiloPort;
            o.GatewayPort = endpoints.GatewayPort;
            o.SiloListeningEndpoint = endpoints.SiloListening;
            o.GatewayListeningEndpoint = endpoints.GatewayListening;
        });
        return silo;
    }

    /// <summary>
    /// Mutual TLS on both silo ports (other silos, and gateways as Orleans clients) when <c>Orleans:Tls</c> names a
    /// certificate; plain TCP, with no TLS code on the connections, when it names none.
    /// </summary>
    public static ISiloBuilder UseEnergyActorsTls(this ISiloBuilder silo, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var tls = ClusterTls.Load(options);
        return tls is null ? silo : silo.UseTls(tls.Configure);
    }
}
