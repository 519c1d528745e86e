namespace EnergyActors.Gateway.Contracts;

/// <summary>Readings counted in the window: the vehicle's own and the meter readings attributed to it.</summary>
public sealed record ReadingsCount(long Vehicle, long Meter);
