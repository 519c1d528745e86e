using EnergyActors.Grains.Abstractions.Sites;
using EnergyActors.Grains.Sites.Weather;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>The <c>weather_files</c> table: each fleet's uploaded EPW files, as uploaded, with what they were read as.</summary>
public sealed class WeatherFileStore(NpgsqlDataSource dataSource) : IWeatherFileStore
{
    public async Task<bool> Save(string fleetId, WeatherFileInfo info, byte[] content, int max)
    {
        ArgumentNullException.ThrowIfNull(info);
        // Replacing a file of the same name never counts against the limit.
        return await RunAsync(async () =>
        {
            await using var command = dataSource.CreateCommand("""
                WITH held AS (SELECT count(*) AS n FROM weather_files WHERE fleet_id = $1 AND name <> $2)
                INSERT INTO weather_files (fleet_id, name, content, latitude, longitude, utc_offset, annual_ghi, uploaded_at)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8 FROM held WHERE n < $9
                ON CONFLICT (fleet_id, name) DO UPDATE SET content = EXCLUDED.content, latitude = EXCLUDED.latitude,
                    longitude = EXCLUDED.longitude, utc_offset = EXCLUDED.utc_offset, annual_ghi = EXCLUDED.annual_ghi,
                    uploaded_at = EXCLUDED.uploaded_at
                """);
            foreach (var value in new object[] { fleetId, info.Name, content, info.Latitude, info.Longitude, info.UtcOffsetHours, info.AnnualGhiKwhPerM2, info.UploadedAt.UtcDateTime, (long)max })
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            return await command.ExecuteNonQueryAsync() == 1;
        });
    }

    public Task<IReadOnlyList<WeatherFileInfo>> List(string fleetId) => RunAsync<IReadOnlyList<WeatherFileInfo>>(async () =>
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, latitude, longitude, utc_offset, annual_ghi, uploaded_at FROM weather_files WHERE fleet_id = $1 ORDER BY name");
        command.Parameters.Add(new NpgsqlParameter { Value = fleetId });
        await using var reader = await command.ExecuteReaderAsync();
        var files = new List<WeatherFileInfo>();
        while (await reader.ReadAsync())
        {
            files.Add(new WeatherFileInfo(
                reader.GetString(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4),
                PostgresTime.Utc(reader.GetFieldValue<DateTime>(5))));
        }

        return files;
    });

    public Task<bool> Delete(string fleetId, string name) => RunAsync(async () =>
    {
        await using var command = dataSource.CreateCommand("DELETE FROM weather_files WHERE fleet_id = $1 AND name = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = fleetId });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return await command.ExecuteNonQueryAsync() == 1;
    });

    public Task<byte[]?> Content(string fleetId, string name) => RunAsync(async () =>
    {
        await using var command = dataSource.CreateCommand("SELECT content FROM weather_files WHERE fleet_id = $1 AND name = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = fleetId });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return await command.ExecuteScalarAsync() as byte[];
    });

    private static async Task<T> RunAsync<T>(Func<Task<T>> statement)
    {
        try
        {
            return await statement();
        }
        catch (Exception ex) when (StorageFailure.IsTransient(ex))
        {
            throw StorageFailure.Unavailable(ex);
        }
    }
}
