using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EnergyActors.Benchmarks;

/// <summary>
/// The bare-HTTP ceiling: a minimal Kestrel app on loopback that deserializes a meter reading posted as JSON and
/// answers 200. bench.sh loads it with wrk at the single phase's concurrency; what it reaches is the most any gateway
/// on these cores could answer, before grains, storage or PostgreSQL. Runs until SIGTERM.
/// </summary>
internal static class KestrelCeiling
{
    public static async Task RunAsync(BenchArguments arguments)
    {
        var port = arguments.Number("port", 5099);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, CeilingJsonContext.Default));
        var app = builder.Build();
        app.MapPost("/v1/telemetry/meter", (PostedMeterReading reading) =>
            string.IsNullOrEmpty(reading.MeterId) ? Results.BadRequest() : Results.Ok());
        await app.RunAsync();
    }
}

/// <summary>The gateway's meter reading body, as the simulator and wrk post it.</summary>
internal sealed record PostedMeterReading(string MeterId, DateTimeOffset Timestamp, double KwhConsumedAc, double Voltage, string? VehicleId);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(PostedMeterReading))]
internal sealed partial class CeilingJsonContext : JsonSerializerContext;
