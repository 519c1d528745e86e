namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>How a weather file is named, by a site and on upload: a plain file name ending in .epw.</summary>
public static class WeatherFileName
{
    public const int MaxLength = 100;

    public const string Rule = "must be the name of an EPW file (such as berlin.epw): 5 to 100 letters, digits, '.', '_' or '-', ending in .epw, not starting with '.'";

    public static bool IsValid(string? name) =>
        name is { Length: >= 5 and <= MaxLength } && name[0] != '.' && name.EndsWith(".epw", StringComparison.OrdinalIgnoreCase)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
