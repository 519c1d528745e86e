namespace EnergyActors.Grains.Abstractions.Access;

/// <summary>What an API key may do: ingest into its fleet, operate its fleet, or administer every fleet and the keys.</summary>
[GenerateSerializer, Alias("ea.ApiKeyRole")]
public enum ApiKeyRole
{
    Device = 0,
    Operator = 1,
    Admin = 2,
}
