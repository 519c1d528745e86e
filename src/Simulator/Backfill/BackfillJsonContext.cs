using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Backfill;

/// <summary>Source-generated JSON for the <c>--json</c> result file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(BackfillResult))]
internal sealed partial class BackfillJsonContext : JsonSerializerContext;
