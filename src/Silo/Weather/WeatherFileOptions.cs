namespace EnergyActors.Silo.Weather;

/// <summary>Where the silos find typical-year weather files (section <c>Weather:Files</c>).</summary>
public sealed class WeatherFileOptions
{
    public const string SectionName = "Weather:Files";

    /// <summary>A directory of EPW files; a site's <c>weatherFile</c> names one of them. Unset: no site runs on a file.</summary>
    public string? Directory { get; set; }
}
