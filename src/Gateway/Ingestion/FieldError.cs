namespace EnergyActors.Gateway.Ingestion;

/// <summary>One problem with one field of a reading; <see cref="Field"/> is the JSON property name.</summary>
public readonly record struct FieldError(string Field, string Message);
