using System.Net;
using EnergyActors.Silo.Storage;
using Orleans.Configuration;

namespace EnergyActors.Silo;

/// <summary>Orleans on PostgreSQL: ADO.NET clustering, grain storage and reminders, all on one database.</summary>
public static class SiloBuilderExtensions
{
    public const string Invariant = "Npgsql";

    /// <summary>The grain storage provider name grains use for small durable state (links, site configuration).</summary>
    public const string GrainStorageName = "Default";

    /// <summary>Membership in the PostgreSQL membership table; failure-detection timing from <c>Orleans:Membership</c>.</summary>
    public static ISiloBuilder UseEnergyActorsClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = PostgresConnection.Get(configuration);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));
        return silo;
    }

    /// <summary>Grain state and reminders in PostgreSQL (also used by test clusters, which bring their own membership).</summary>
    public static ISiloBuilder UseEnergyActorsGrainStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var connectionString = PostgresConnection.Get(configuration);
        silo.AddAdoNetGrainStorage(GrainStorageName, o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        return silo;
    }

    public static ISiloBuilder UseEnergyActorsEndpoints(this ISiloBuilder silo, ClusterHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedIP), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
        return silo;
    }
}
