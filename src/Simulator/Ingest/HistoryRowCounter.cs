using Npgsql;

namespace EnergyActors.Simulator.Ingest;

/// <summary>Counts the reading history rows in PostgreSQL, to check that every accepted reading was committed.</summary>
internal sealed class HistoryRowCounter(string connectionString)
{
    // count(*) over a large history is a full scan; give it time.
    private const int CountTimeoutSeconds = 300;

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM meter_readings) + (SELECT count(*) FROM vehicle_readings)", connection)
        {
            CommandTimeout = CountTimeoutSeconds,
        };
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
