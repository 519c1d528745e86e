namespace EnergyActors.Grains.Abstractions.Sites;

/// <summary>How a site's PV array faces when its configuration does not say: what yield tools suggest for the best year.</summary>
public static class SiteArray
{
    /// <summary>Tilted at the latitude, at most 60°.</summary>
    public static double DefaultTilt(double latitude) => Math.Min(Math.Abs(latitude), 60.0);

    /// <summary>Facing the equator: south (180°) in the northern hemisphere, north (0°) in the southern.</summary>
    public static double DefaultAzimuth(double latitude) => latitude >= 0 ? 180.0 : 0.0;
}
