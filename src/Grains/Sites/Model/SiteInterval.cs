namespace EnergyActors.Grains.Sites.Model;

/// <summary>The outcome of one step: what the interval looked like and the state to carry into the next.</summary>
public sealed record SiteInterval(IntervalReading Reading, SiteBattery Next);
