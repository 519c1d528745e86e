using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Ingest;

/// <summary>Source-generated JSON for the gateway's answers and the result file: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(IngestResult))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
