using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Ingest;

/// <summary>Source-generated JSON for the <c>--json</c> result file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(IngestResult))]
internal sealed partial class IngestJsonContext : JsonSerializerContext;
