using EnergyActors.Grains;
using EnergyActors.Grains.Abstractions;
using EnergyActors.Silo.Storage;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>A vehicle's day by the hour: two range scans on the (vehicle id, ts) indexes, summed in PostgreSQL.</summary>
public sealed class VehicleHourReader(NpgsqlDataSource dataSource) : IVehicleHourReader
{
    // Hours in UTC whatever the session's time zone; the last SOC of an hour is its newest reading's.
    private const string HoursSql = """
        WITH dc AS (
            SELECT date_trunc('hour', ts AT TIME ZONE 'UTC') AS hour, sum(kwh_delivered_dc) AS dc, avg(battery_temp) AS temp,
                   (array_agg(soc ORDER BY ts DESC))[1] AS soc
            FROM vehicle_readings WHERE vehicle_id = $1 AND ts >= $2 AND ts < $3
            GROUP BY 1),
        ac AS (
            SELECT date_trunc('hour', ts AT TIME ZONE 'UTC') AS hour, sum(kwh_consumed_ac) AS ac
            FROM meter_readings WHERE vehicle_id = $1 AND ts >= $2 AND ts < $3
            GROUP BY 1)
        SELECT hour, coalesce(ac.ac, 0), coalesce(dc.dc, 0), dc.temp, dc.soc
        FROM dc FULL JOIN ac USING (hour)
        ORDER BY hour
        """;

    public async Task<IReadOnlyList<VehicleHour>> Hours(string vehicleId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand(HoursSql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = vehicleId });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = since.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = until.UtcDateTime });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var hours = new List<VehicleHour>();
            while (await reader.ReadAsync(cancellationToken))
            {
                hours.Add(new VehicleHour(
                    PostgresTime.Utc(reader.GetDateTime(0)),
                    reader.GetDouble(1),
                    reader.GetDouble(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3),
                    reader.IsDBNull(4) ? null : reader.GetDouble(4)));
            }

            return hours;
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }
}
