using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>The contract's rule for analytics: every figure equals the same aggregation in SQL over history for the reported [start, end).</summary>
public static class HistoryAggregates
{
    /// <summary>Asserts that the <c>data</c> of a performance answer equals SQL over history; returns SQL's counts for further checks.</summary>
    public static async Task<(long MeterReadings, long VehicleReadings, decimal? Ratio)> AssertPerformanceMatchesAsync(TestDatabase database, JsonNode data, string vehicleId)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(data);
        var start = DateTimeOffset.Parse((string)data["period"]!["start"]!, CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse((string)data["period"]!["end"]!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromDays(1), end - start);
        Assert.Equal(0, end.UtcTicks % TimeSpan.TicksPerMinute);

        var (ac, meterCount, _) = await AggregateAsync(database, "SELECT coalesce(sum(kwh_consumed_ac::numeric), 0), count(*), NULL::numeric FROM meter_readings WHERE vehicle_id = $1 AND ts >= $2 AND ts < $3", vehicleId, start, end);
        var (dc, vehicleCount, avgTemp) = await AggregateAsync(database, "SELECT coalesce(sum(kwh_delivered_dc::numeric), 0), count(*), round(avg(battery_temp::numeric), 6) FROM vehicle_readings WHERE vehicle_id = $1 AND ts >= $2 AND ts < $3", vehicleId, start, end);
        decimal? ratio = ac == 0 ? null : Math.Round(dc / ac, 4, MidpointRounding.AwayFromZero);

        Assert.Equal(ac, data["totalAcConsumed"]!.GetValue<decimal>());
        Assert.Equal(dc, data["totalDcDelivered"]!.GetValue<decimal>());
        Assert.Equal(meterCount, (long)data["readingsCount"]!["meter"]!);
        Assert.Equal(vehicleCount, (long)data["readingsCount"]!["vehicle"]!);
        Assert.Equal(avgTemp, data["avgBatteryTemp"]?.GetValue<decimal>());
        Assert.Equal(ratio, data["efficiencyRatio"]?.GetValue<decimal>());
        Assert.Equal(ratio is { } r ? (r * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : null, (string?)data["efficiencyPercent"]);
        return (meterCount, vehicleCount, ratio);
    }

    private static async Task<(decimal Sum, long Count, decimal? Avg)> AggregateAsync(TestDatabase database, string sql, string vehicleId, DateTimeOffset start, DateTimeOffset end)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = vehicleId });
        command.Parameters.Add(new NpgsqlParameter { Value = start.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = end.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDecimal(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetDecimal(2));
    }
}
