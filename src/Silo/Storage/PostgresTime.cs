namespace EnergyActors.Silo.Storage;

/// <summary>Npgsql reads timestamptz as a UTC DateTime; the grains speak DateTimeOffset.</summary>
internal static class PostgresTime
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
