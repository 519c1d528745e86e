using System.Globalization;
using EnergyActors.Simulator.Shared;
using Npgsql;

namespace EnergyActors.Simulator.Ingest;

/// <summary>Counts the reading history rows in PostgreSQL, to check that every accepted reading was committed.</summary>
internal sealed class HistoryRowCounter(string connectionString)
{
    // count(*) over a large history is a full scan; give it time.
    private const int CountTimeoutSeconds = 300;

    /// <returns>The rows in meter_readings + vehicle_readings; null, with the reason printed, when they could not be counted.</returns>
    public async Task<long?> TryCountAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM meter_readings) + (SELECT count(*) FROM vehicle_readings)", connection)
            {
                CommandTimeout = CountTimeoutSeconds,
            };
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException or OperationCanceledException)
        {
            StatusMessages.Error($"Cannot count the history rows in PostgreSQL: {ex.Message}");
            return null;
        }
    }
}
