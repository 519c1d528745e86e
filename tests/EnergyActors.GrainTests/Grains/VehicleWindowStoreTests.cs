using EnergyActors.Grains.Abstractions;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Grains;

/// <summary>
/// A vehicle stores its window when it deactivates and restores it on its next activation, reading back only the
/// rows committed after it; a stored window it cannot use is replaced by a full rebuild. Which path ran shows in a
/// row deleted from history after the window was stored: a restored window still counts it, a rebuild does not.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class VehicleWindowStoreTests(GrainClusterFixture fixture)
{
    private const string Stale = "4000000000:4000000000:";

    [Fact]
    public async Task A_stored_window_is_restored_and_only_rows_committed_after_it_are_read_back()
    {
        var (id, now) = await StoredVehicleAsync();
        await DeleteFirstReadingAsync(id, now);
        // Committed after the window was stored, stamped earlier than everything it holds: a late DC row and AC energy a meter attributed.
        await fixture.Database.ScalarAsync(
            "INSERT INTO vehicle_readings (vehicle_id, ts, soc, kwh_delivered_dc, battery_temp) VALUES ($1, $2, 40, 0.5, 20) RETURNING 1", id, now.AddHours(-5).UtcDateTime);
        await fixture.Database.ScalarAsync(
            "INSERT INTO meter_readings (meter_id, ts, kwh_consumed_ac, voltage, vehicle_id) VALUES ($1, $2, 4, 230, $1) RETURNING 1", id, now.AddHours(-4).UtcDateTime);

        var performance = (await fixture.Grains.GetGrain<IVehicleGrain>(id).GetPerformance())!;

        Assert.Equal(1.5m + 2.25m + 0.5m, performance.TotalDcDelivered);
        Assert.Equal(3, performance.VehicleReadings);
        Assert.Equal(4m, performance.TotalAcConsumed);
        Assert.Equal(1, performance.MeterReadings);
    }

    [Theory]
    [InlineData("UPDATE vehicle_windows SET buckets = overlay(buckets placing '\\xff'::bytea from 6), written_at = '2000-01-01' WHERE vehicle_id = $1 RETURNING 1")]
    [InlineData("UPDATE vehicle_windows SET buckets = set_byte(buckets, 1, 9), written_at = '2000-01-01' WHERE vehicle_id = $1 RETURNING 1")]
    [InlineData("UPDATE vehicle_windows SET complete_at = '" + Stale + "', written_at = '2000-01-01' WHERE vehicle_id = $1 RETURNING 1")]
    [InlineData("UPDATE vehicle_windows SET complete_at = 'not a snapshot', written_at = '2000-01-01' WHERE vehicle_id = $1 RETURNING 1")]
    [InlineData("DELETE FROM vehicle_windows WHERE vehicle_id = $1 RETURNING 1")]
    public async Task A_corrupt_foreign_stale_or_missing_window_falls_back_to_a_full_rebuild_which_is_stored(string damage)
    {
        var (id, now) = await StoredVehicleAsync();
        await DeleteFirstReadingAsync(id, now);
        await fixture.Database.ScalarAsync(damage, id);

        var performance = (await fixture.Grains.GetGrain<IVehicleGrain>(id).GetPerformance())!;

        Assert.Equal(2.25m, performance.TotalDcDelivered);
        Assert.Equal(1, performance.VehicleReadings);
        // The rebuilt window is stored just after the activation, off its path.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await fixture.Database.ScalarAsync(
            $"SELECT count(*) FROM vehicle_windows WHERE vehicle_id = $1 AND written_at > '2020-01-01' AND complete_at <> '{Stale}'", id) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} never stored its rebuilt window");
            await Task.Delay(100);
        }
    }

    /// <summary>A vehicle with two readings in its window, deactivated so that it stored the window.</summary>
    private async Task<(string Id, DateTimeOffset Now)> StoredVehicleAsync()
    {
        var id = $"VEH-{Guid.NewGuid():N}";
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        await fixture.Grains.GetGrain<IVehicleGrain>(id).Ingest(
            [new VehicleReading(now.AddMinutes(-30), 50, 1.5, 30), new VehicleReading(now.AddMinutes(-20), 55, 2.25, 31)]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await fixture.Database.ScalarAsync("SELECT count(*) FROM vehicle_windows WHERE vehicle_id = $1", id) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{id} never stored its window");
            await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            await Task.Delay(200);
        }

        return (id, now);
    }

    // Deleted after the window was stored: only a restored window still counts it.
    private Task<long> DeleteFirstReadingAsync(string id, DateTimeOffset now) =>
        fixture.Database.ScalarAsync(
            "WITH gone AS (DELETE FROM vehicle_readings WHERE vehicle_id = $1 AND ts = $2 RETURNING 1) SELECT count(*) FROM gone", id, now.AddMinutes(-30).UtcDateTime);
}
