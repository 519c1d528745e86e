namespace EnergyActors.Grains.Sites.Model;

/// <summary>The kind of installation; it selects the load shape and how strongly load follows the weather.</summary>
public enum SiteType
{
    Residential,
    Commercial,
    Industrial,
}
