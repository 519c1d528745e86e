using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Sites;
using EnergyActors.Silo.Storage;
using Npgsql;

namespace EnergyActors.Silo.Sites;

/// <summary>Site history from <c>site_readings</c> (raw) and <c>site_rollups</c> (15m, 1h, 1d): index range scans only.</summary>
public sealed class SiteHistoryReader(NpgsqlDataSource dataSource) : ISiteHistoryReader
{
    public static IReadOnlyDictionary<string, int> ResolutionSeconds { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["15m"] = 900,
        ["1h"] = 3_600,
        ["1d"] = 86_400,
    };

    public async Task<SiteHistory> Read(SiteHistoryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            return query.Resolution == "raw"
                ? new SiteHistory(await RawAsync(query), [])
                : new SiteHistory([], await RollupsAsync(query, ResolutionSeconds[query.Resolution]));
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }

    private async Task<List<SiteReading>> RawAsync(SiteHistoryQuery query)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT ts, interval_minutes, solar_kw, load_kw, battery_kw, grid_import_kw, grid_export_kw, soc, battery_temperature_c, battery_voltage,
                   battery_health_percent, cycle_count, inverter_ac_kw, inverter_dc_kw, inverter_efficiency, inverter_temperature_c,
                   weather_temperature_c, irradiance_wm2, cloud_cover_percent, weather_source, unserved_kw
            FROM site_readings WHERE site_id = $1 AND ts >= $2 AND ts < $3 ORDER BY ts LIMIT $4
            """);
        AddRange(command, query);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<SiteReading>();
        while (await reader.ReadAsync())
        {
            rows.Add(new SiteReading(
                PostgresTime.Utc(reader.GetFieldValue<DateTime>(0)),
                reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6),
                reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetDouble(11), reader.GetDouble(12),
                reader.GetDouble(13), reader.GetDouble(14), reader.GetDouble(15), reader.GetDouble(16), reader.GetDouble(17), reader.GetDouble(18),
                reader.GetString(19), reader.GetDouble(20)));
        }

        return rows;
    }

    private async Task<List<SiteRollup>> RollupsAsync(SiteHistoryQuery query, int seconds)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT bucket_start, hours, solar_kwh, load_kwh, grid_import_kwh, grid_export_kwh, battery_charge_kwh, battery_discharge_kwh, soc_min, soc_max, row_count
            FROM site_rollups WHERE site_id = $1 AND bucket_start >= $2 AND bucket_start < $3 AND resolution_seconds = $5
            ORDER BY bucket_start LIMIT $4
            """);
        AddRange(command, query);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = query.Limit });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = seconds });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<SiteRollup>();
        while (await reader.ReadAsync())
        {
            rows.Add(new SiteRollup(
                PostgresTime.Utc(reader.GetFieldValue<DateTime>(0)),
                reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6),
                reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), reader.GetInt32(10)));
        }

        return rows;
    }

    private static void AddRange(NpgsqlCommand command, SiteHistoryQuery query)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = query.SiteId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = query.From.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = query.To.UtcDateTime });
    }
}
