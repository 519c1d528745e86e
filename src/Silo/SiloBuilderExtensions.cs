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

    public static ISiloBuilder UseEnergyActorsPostgres(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var connectionString = PostgresConnection.Get(configuration);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
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
