using System.Globalization;
using EnergyActors.Simulator.Shared;
using Npgsql;

namespace EnergyActors.Simulator.Ingest;

/// <summary>Counts the reading history rows in PostgreSQL, to check that every accepted reading was committed.</summary>
internal sealed class HistoryRowCounter(string connectionString)
{
    // count(*) over a large history is a full scan; give it time.
    private const int CountTimeoutSeconds = 300;

    private static readonly TimeSpan SettleInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Counts until two counts a second apart agree (at most 30 s): a request the warm-up gave up on (a 503'd batch at
    /// its stop) may have grain calls still committing in the silo, whose rows must not land in the measurement.
    /// </summary>
    public async Task<long?> TryCountSettledAsync(CancellationToken cancellationToken)
    {
        var last = await TryCountAsync(cancellationToken);
        var deadline = DateTime.UtcNow + SettleLimit;
        while (last is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(SettleInterval, cancellationToken);
            var next = await TryCountAsync(cancellationToken);
            if (next == last)
            {
                break;
            }

            last = next;
        }

        return last;
    }

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
