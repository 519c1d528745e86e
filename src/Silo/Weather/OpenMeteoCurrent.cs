using System.Text.Json.Serialization;

namespace EnergyActors.Silo.Weather;

internal sealed record OpenMeteoCurrent(
    [property: JsonPropertyName("time")] string? Time,
    [property: JsonPropertyName("temperature_2m")] double? Temperature,
    [property: JsonPropertyName("cloud_cover")] double? CloudCover,
    [property: JsonPropertyName("shortwave_radiation")] double? ShortwaveRadiation);
