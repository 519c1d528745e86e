namespace EnergyActors.Silo.Storage;

/// <summary>Where the connection string lives in configuration (so <c>ConnectionStrings__Postgres</c> works).</summary>
public static class PostgresConnection
{
    public const string Name = "Postgres";

    public static string Get(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration.GetConnectionString(Name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"Connection string 'ConnectionStrings:{Name}' is not configured.")
            : value;
    }
}
