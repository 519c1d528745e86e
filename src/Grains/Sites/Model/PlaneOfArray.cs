namespace EnergyActors.Grains.Sites.Model;

/// <summary>
/// Irradiance on a tilted array from global horizontal irradiance: split into beam and diffuse by Erbs et al. (1982),
/// then transposed to the plane by Hay and Davies (1980), an anisotropic sky with circumsolar diffuse, plus ground
/// reflection. The same chain PVWatts and pvlib offer, so a site's yield compares with theirs.
/// </summary>
public static class PlaneOfArray
{
    /// <summary>The solar constant, W/m² (Kopp and Lean 2011).</summary>
    public const double SolarConstant = 1361.0;

    /// <summary>Ground reflectance of grass or a roof, the usual default of yield tools.</summary>
    public const double DefaultAlbedo = 0.2;

    // Below ~5° of elevation the beam's projection blows up small errors in GHI; there the sky counts as all diffuse.
    private const double MinimumSinElevation = 0.087;

    /// <summary>Normal irradiance above the atmosphere on day <paramref name="dayOfYear"/> (the Earth–Sun distance varies ±1.7 %).</summary>
    public static double ExtraterrestrialNormal(double dayOfYear) =>
        SolarConstant * (1.0 + (0.033 * Math.Cos(2.0 * Math.PI * dayOfYear / 365.0)));

    /// <summary>Erbs' diffuse fraction of GHI for a clearness index <paramref name="kt"/> (GHI over extraterrestrial horizontal).</summary>
    public static double DiffuseFraction(double kt)
    {
        if (kt <= 0.22)
        {
            return 1.0 - (0.09 * Math.Max(kt, 0.0));
        }

        if (kt <= 0.80)
        {
            return 0.9511 + (kt * (-0.1604 + (kt * (4.388 + (kt * (-16.638 + (kt * 12.336)))))));
        }

        return 0.165;
    }

    /// <summary>The unit normal of an array tilted <paramref name="tiltDegrees"/> from horizontal, facing compass azimuth <paramref name="azimuthDegrees"/> (180 = south).</summary>
    public static (double East, double North, double Up) Normal(double tiltDegrees, double azimuthDegrees)
    {
        var tilt = tiltDegrees * Math.PI / 180.0;
        var azimuth = azimuthDegrees * Math.PI / 180.0;
        return (Math.Sin(tilt) * Math.Sin(azimuth), Math.Sin(tilt) * Math.Cos(azimuth), Math.Cos(tilt));
    }

    /// <summary>Plane-of-array irradiance, W/m², for GHI <paramref name="ghi"/> with the sun in direction <paramref name="sun"/>.</summary>
    public static double Irradiance(double ghi, (double East, double North, double Up) sun, double tiltDegrees, double azimuthDegrees, double dayOfYear, double albedo = DefaultAlbedo)
    {
        if (ghi <= 0 || sun.Up <= 0)
        {
            return 0.0;
        }

        var normal = Normal(tiltDegrees, azimuthDegrees);
        var cosIncidence = Math.Max(0.0, (sun.East * normal.East) + (sun.North * normal.North) + (sun.Up * normal.Up));
        var skyView = (1.0 + normal.Up) / 2.0;
        var ground = ghi * albedo * (1.0 - normal.Up) / 2.0;
        var extraterrestrial = ExtraterrestrialNormal(dayOfYear);
        if (sun.Up < MinimumSinElevation)
        {
            return (ghi * skyView) + ground;
        }

        var kt = Math.Min(ghi / (extraterrestrial * sun.Up), 1.0);
        var diffuse = ghi * DiffuseFraction(kt);
        var beamNormal = (ghi - diffuse) / sun.Up;
        var anisotropy = Math.Clamp(beamNormal / extraterrestrial, 0.0, 1.0);
        var circumsolarRatio = cosIncidence / sun.Up;
        var skyDiffuse = diffuse * ((anisotropy * circumsolarRatio) + ((1.0 - anisotropy) * skyView));
        return (beamNormal * cosIncidence) + skyDiffuse + ground;
    }
}
