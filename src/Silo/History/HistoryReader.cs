using System.Net.Sockets;
using EnergyActors.Grains;
using EnergyActors.Grains.Abstractions;
using Npgsql;

namespace EnergyActors.Silo.History;

/// <summary>Newest-reading look-ups on the (device id, ts) primary key, one backward index probe per partition.</summary>
public sealed class HistoryReader(NpgsqlDataSource dataSource) : IHistoryReader
{
    public Task<MeterReading?> LatestMeterReading(string meterId, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            "SELECT ts, kwh_consumed_ac, voltage, vehicle_id FROM meter_readings WHERE meter_id = $1 ORDER BY ts DESC LIMIT 1",
            meterId,
            r => new MeterReading(Utc(r.GetFieldValue<DateTime>(0)), r.GetDouble(1), r.GetDouble(2), r.IsDBNull(3) ? null : r.GetString(3)),
            cancellationToken);

    public Task<VehicleReading?> LatestVehicleReading(string vehicleId, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            "SELECT ts, soc, kwh_delivered_dc, battery_temp FROM vehicle_readings WHERE vehicle_id = $1 ORDER BY ts DESC LIMIT 1",
            vehicleId,
            r => new VehicleReading(Utc(r.GetFieldValue<DateTime>(0)), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3)),
            cancellationToken);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private async Task<T?> QuerySingleAsync<T>(string sql, string deviceId, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deviceId });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? map(reader) : null;
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or SocketException or TimeoutException)
        {
            // The grain cannot activate without its history; tell the caller to come back rather than fail hard.
            throw new BackPressureException("PostgreSQL is unavailable; retry later.", ex);
        }
    }
}
