namespace EnergyActors.Grains;

/// <summary>One alert to raise or clear.</summary>
internal readonly record struct AlertChange(string Kind, bool Raise);
