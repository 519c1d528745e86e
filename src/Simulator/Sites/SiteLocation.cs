namespace EnergyActors.Simulator.Sites;

/// <summary>A real place for a demo site, with its IANA time zone (the site's local day drives its sun and load).</summary>
internal sealed record SiteLocation(string City, double Latitude, double Longitude, string TimeZone);
