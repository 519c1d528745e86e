using EnergyActors.Grains.Abstractions;
using EnergyActors.Tests.Infrastructure;

namespace EnergyActors.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class MeterGrainTests(GrainClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 31, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_committed_reading_is_in_history_and_in_status()
    {
        var meterId = NewId();
        var result = await Meter(meterId).Ingest([new MeterReading(T0, 150.5, 240, null)]);

        Assert.Equal(new IngestResult(1, 0), result);
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1 AND ts = $2 AND kwh_consumed_ac = 150.5", meterId, T0.UtcDateTime));
        var status = await Meter(meterId).GetStatus();
        Assert.NotNull(status);
        Assert.Equal(T0, status.Latest.Timestamp);
        Assert.Equal(240, status.Latest.Voltage);
    }

    [Fact]
    public async Task Status_keeps_the_newest_timestamp_when_readings_arrive_out_of_order()
    {
        var meterId = NewId();
        await Meter(meterId).Ingest([new MeterReading(T0.AddMinutes(2), 2, 231, null)]);
        await Meter(meterId).Ingest([new MeterReading(T0, 1, 230, null)]);
        await Meter(meterId).Ingest([new MeterReading(T0.AddMinutes(1), 3, 232, "VEH-1")]);

        var status = await Meter(meterId).GetStatus();
        Assert.Equal(T0.AddMinutes(2), status!.Latest.Timestamp);
        Assert.Equal(231, status.Latest.Voltage);
        Assert.Equal(3, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1", meterId));
    }

    [Fact]
    public async Task The_same_instant_twice_is_stored_once_and_the_first_values_win()
    {
        var meterId = NewId();
        var first = await Meter(meterId).Ingest([new MeterReading(T0, 10, 230, null)]);
        // The same instant written in another UTC offset.
        var again = await Meter(meterId).Ingest([new MeterReading(T0.ToOffset(TimeSpan.FromHours(5.5)), 99, 999, null)]);

        Assert.Equal(new IngestResult(1, 0), first);
        Assert.Equal(new IngestResult(0, 1), again);
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM meter_readings WHERE meter_id = $1", meterId));
        Assert.Equal(10, await fixture.Database.ScalarAsync("SELECT kwh_consumed_ac::bigint FROM meter_readings WHERE meter_id = $1", meterId));
        Assert.Equal(230, (await Meter(meterId).GetStatus())!.Latest.Voltage);
    }

    [Fact]
    public async Task Duplicates_inside_one_call_count_once_and_the_earliest_wins()
    {
        var meterId = NewId();
        var result = await Meter(meterId).Ingest(
        [
            new MeterReading(T0, 1, 230, null),
            new MeterReading(T0.AddTicks(3), 2, 231, null), // same microsecond: the same key in history
            new MeterReading(T0.AddMinutes(1), 3, 232, null),
        ]);

        Assert.Equal(new IngestResult(2, 1), result);
        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT kwh_consumed_ac::bigint FROM meter_readings WHERE meter_id = $1 AND ts = $2", meterId, T0.UtcDateTime));
    }

    [Fact]
    public async Task An_unknown_meter_has_no_status()
    {
        Assert.Null(await Meter(NewId()).GetStatus());
    }

    private IMeterGrain Meter(string id) => fixture.Grains.GetGrain<IMeterGrain>(id);

    private static string NewId() => $"MTR-{Guid.NewGuid():N}";
}
