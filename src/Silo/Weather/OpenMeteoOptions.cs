using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Silo.Weather;

/// <summary>The Open-Meteo client (configuration section <c>Weather:OpenMeteo</c>); off by default, as many hosts have no internet.</summary>
public sealed class OpenMeteoOptions
{
    public const string SectionName = "Weather:OpenMeteo";

    public bool Enabled { get; set; }

    [Required]
    public Uri BaseAddress { get; set; } = new("https://api.open-meteo.com/");

    [Range(1, 60)]
    public int TimeoutSeconds { get; set; } = 3;

    /// <summary>How long one location's answer is reused.</summary>
    [Range(1, 1_440)]
    public int CacheMinutes { get; set; } = 60;

    /// <summary>After a failure the service is not asked again for this long; synthetic weather serves meanwhile.</summary>
    [Range(0, 3_600)]
    public int FailureBackoffSeconds { get; set; } = 60;
}
