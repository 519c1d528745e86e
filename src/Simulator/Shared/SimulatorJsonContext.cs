using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Shared;

/// <summary>Source-generated JSON for the gateway's ingestion answer: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IngestResponse))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
