using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Analytics;

/// <summary>Source-generated JSON for the <c>--json</c> result file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(AnalyticsResult))]
internal sealed partial class AnalyticsJsonContext : JsonSerializerContext;
