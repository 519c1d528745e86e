using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Fleet;

/// <summary>Source-generated JSON for the API answers verification reads and the <c>--json</c> result file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(PerformanceEnvelope))]
[JsonSerializable(typeof(VehicleStatusAnswer))]
[JsonSerializable(typeof(FleetResult))]
internal sealed partial class FleetJsonContext : JsonSerializerContext;
