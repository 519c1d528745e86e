using System.Text.Json.Serialization;

namespace EnergyActors.Silo.Weather;

/// <summary>The part of Open-Meteo's forecast answer we read (<c>current=temperature_2m,cloud_cover,shortwave_radiation</c>).</summary>
internal sealed record OpenMeteoResponse([property: JsonPropertyName("current")] OpenMeteoCurrent? Current);
