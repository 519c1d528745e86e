namespace EnergyActors.Grains.Sites.Model;

/// <summary>Global horizontal irradiance from the sun's height and the sky's cloudiness.</summary>
public static class Irradiance
{
    /// <summary>
    /// Haurwitz's clear-sky model: GHI = 1098·cos z·exp(−0.057 / cos z). It needs only the zenith,
    /// which suits a model with no aerosol or water-vapour data, and it is exactly 0 below the horizon.
    /// </summary>
    public static double ClearSkyGhi(double sinElevation) =>
        sinElevation <= 0 ? 0.0 : 1098.0 * sinElevation * Math.Exp(-0.057 / sinElevation);

    /// <summary>
    /// Kasten–Czeplak's cloud attenuation, 1 − 0.75·(N/8)^3.4 with N in oktas: thin or scattered
    /// cloud barely dims the sun, full overcast leaves a quarter of the clear-sky value.
    /// </summary>
    public static double CloudFactor(double cloudCoverPercent)
    {
        var fraction = Math.Clamp(cloudCoverPercent / 100.0, 0.0, 1.0);
        return 1.0 - (0.75 * Math.Pow(fraction, 3.4));
    }
}
