using EnergyActors.Grains;
using Npgsql;

namespace EnergyActors.Silo.Storage;

/// <summary>The <c>device_owners</c> table: the first fleet to bind a device keeps it.</summary>
public sealed class DeviceOwners(NpgsqlDataSource dataSource) : IDeviceOwners
{
    // The insert's own row, or the row that stopped it. When another silo's insert of the same device committed
    // while this one waited on it, this statement's snapshot cannot see that row: no row comes back, and the
    // statement runs again with a new snapshot.
    private const string BindSql = """
        WITH bound AS (
            INSERT INTO device_owners (kind, device_id, fleet_id) VALUES ($1, $2, $3)
            ON CONFLICT (kind, device_id) DO NOTHING
            RETURNING fleet_id)
        SELECT fleet_id FROM bound
        UNION ALL
        SELECT fleet_id FROM device_owners WHERE kind = $1 AND device_id = $2
        LIMIT 1
        """;

    public async Task<string> Bind(DeviceKind kind, string deviceId, string fleetId)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var command = dataSource.CreateCommand(BindSql);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name(kind) });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deviceId });
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = fleetId });
                if (await command.ExecuteScalarAsync() is string owner)
                {
                    return owner;
                }
            }
            catch (Exception ex) when (StorageFailure.IsTransient(ex))
            {
                throw StorageFailure.Unavailable(ex);
            }

            if (attempt == 2)
            {
                throw new InvalidOperationException($"The fleet of {Name(kind)} '{deviceId}' could not be bound or read.");
            }
        }
    }

    internal static string Name(DeviceKind kind) => kind == DeviceKind.Meter ? "meter" : "vehicle";
}
