using System.Data.Common;
using EnergyActors.Grains;
using EnergyActors.Grains.Access;
using EnergyActors.Grains.Alerts;
using EnergyActors.Grains.Sites;
using EnergyActors.Grains.Sites.Weather;
using EnergyActors.Grains.Webhooks;
using EnergyActors.Silo.History;
using EnergyActors.Silo.Sites;
using EnergyActors.Silo.Storage;
using EnergyActors.Silo.Weather;
using EnergyActors.Silo.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace EnergyActors.Silo;

/// <summary>Storage services every silo needs, whether hosted by Program or by a test cluster.</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>More than the silo's distinct hot statements, so none is evicted by another.</summary>
    private const int AutoPreparedStatements = 32;

    /// <summary>Connections per silo unless the connection string says otherwise (Npgsql's own default is 100).</summary>
    public const int DefaultMaxPoolSize = 32;

    public static IServiceCollection AddEnergyActorsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = PostgresConnection.Get(configuration);
        services.TryAddSingleton(TimeProvider.System);
        // A fixed pool name: by default Npgsql names the pool (a label of its metrics) after the connection
        // string, which would publish the database's host, port, user and name on /metrics.
        services.TryAddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(connectionString) { Name = "silo" };
            // The silo runs a handful of statements thousands of times (the vehicle rebuild above all, thousands
            // of them right after a restart); prepared, PostgreSQL plans each once per connection instead of on
            // every call across every partition. That first planning on a connection is what costs (about 10 ms
            // for the rebuild), so the pool stays small: more connections than PostgreSQL has cores to run them
            // add planning, not throughput. Either setting written in the connection string wins.
            var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
            if (!Written(written, "Max Auto Prepare", "MaxAutoPrepare"))
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
            }

            if (!Written(written, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
            {
                builder.ConnectionStringBuilder.MaxPoolSize = DefaultMaxPoolSize;
            }

            return builder.UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>()).Build();
        });

        services.AddOptions<HistoryWriterOptions>().Bind(configuration.GetSection(HistoryWriterOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HistoryPartitionOptions>().Bind(configuration.GetSection(HistoryPartitionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HistoryRetentionOptions>().Bind(configuration.GetSection(HistoryRetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<HistoryPartitioner>();
        services.AddSingleton<HistoryRetention>();
        services.AddSingleton<ConnectionWarmUp>();
        services.AddSingleton<HistoryMetrics>();
        services.AddSingleton<HistoryWriter>();
        services.AddSingleton<IHistoryWriter>(sp => sp.GetRequiredService<HistoryWriter>());
        services.AddSingleton<IHistoryReader, HistoryReader>();
        services.AddSingleton<IVehicleHourReader, VehicleHourReader>();
        services.AddSingleton<AlertMetrics>();
        services.AddSingleton<IAlertStore, AlertStore>();
        services.AddSingleton<AlertRulesCache>();
        services.AddSingleton<IWebhookStore, WebhookStore>();
        services.AddWebhookDispatch(configuration);
        services.TryAddSingleton(sp => new SilenceClock(sp.GetRequiredService<TimeProvider>(), SilenceClock.DefaultCheckPeriod));
        services.AddSingleton<IDeviceOwners, DeviceOwners>();
        services.AddSingleton<IAuditStore, AuditStore>();
        services.AddSingleton<IFleetEntryStore, FleetEntryStore>();
        services.AddSingleton<IWindowSnapshotStore, WindowSnapshotStore>();
        services.AddSingleton<FleetWakePacer>();
        services.AddSingleton<ISiteHistoryReader, SiteHistoryReader>();
        services.TryAddSingleton(sp => new SiteSimulationClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SyntheticWeatherSource>();
        services.AddOptions<OpenMeteoOptions>().Bind(configuration.GetSection(OpenMeteoOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<OpenMeteoClient>((sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<OpenMeteoOptions>>().Value.BaseAddress);
        services.TryAddSingleton<IWeatherSource, FallbackWeatherSource>();
        services.AddOptions<WeatherFileOptions>().Bind(configuration.GetSection(WeatherFileOptions.SectionName));
        services.AddSingleton<IWeatherFileStore, WeatherFileStore>();
        services.TryAddSingleton<IWeatherFiles, WeatherFileLibrary>();
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnalyticsOptions>().Bind(configuration.GetSection(AnalyticsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService(sp => sp.GetRequiredService<HistoryWriter>());
        services.AddHostedService<HistoryPartitionService>();
        return services;
    }

    private static bool Written(DbConnectionStringBuilder written, params string[] keywords) =>
        keywords.Any(written.ContainsKey);
}
