using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EnergyActors.ServiceDefaults;

/// <summary>One OpenTelemetry set-up for silo and gateway: ASP.NET Core, Orleans, Npgsql and our own meters.</summary>
public static class TelemetryExtensions
{
    /// <summary>Every meter of ours is named EnergyActors.*.</summary>
    public const string OwnMeters = "EnergyActors.*";

    public static IHostApplicationBuilder AddEnergyActorsTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.Orleans")
                .AddMeter("Npgsql")
                .AddMeter(OwnMeters)
                .AddPrometheusExporter());

        // Traces and OTLP only when an endpoint is configured: a listener makes every request, grain call
        // and SQL command build an activity, which nothing would export (it showed in the silo's profile).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !OperationsEndpoints.IsOperationsPath(context.Request.Path))
                    .AddNpgsql()
                    .AddSource("Microsoft.Orleans.Runtime")
                    .AddSource("Microsoft.Orleans.Application")
                    .AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter());
        }

        return builder;
    }
}
