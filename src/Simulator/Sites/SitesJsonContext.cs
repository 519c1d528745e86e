using System.Text.Json;
using System.Text.Json.Serialization;

namespace EnergyActors.Simulator.Sites;

/// <summary>Source-generated JSON for the site bodies (camelCase, as the contract spells them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SiteRequest))]
internal sealed partial class SitesJsonContext : JsonSerializerContext;
