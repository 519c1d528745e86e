using EnergyActors.Grains.Analytics;

namespace EnergyActors.Tests.Analytics;

/// <summary>
/// Random streams against a reference that aggregates the full event list in decimal, the way SQL would over
/// history: any drift in the ring, the running totals or the millionths conversion shows up as a mismatch.
/// </summary>
public sealed class EfficiencyWindowPropertyTests
{
    private const int Actions = 3_000;
    private const int CheckpointEvery = 25;
    private static readonly DateTimeOffset T0 = new(2026, 3, 10, 8, 17, 23, TimeSpan.Zero);
    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(5.5), TimeSpan.FromHours(-8)];

    public static TheoryData<int, int, int> Cases()
    {
        var cases = new TheoryData<int, int, int>();
        for (var seed = 1; seed <= 10; seed++)
        {
            cases.Add(seed, 60, EfficiencyWindow.DefaultFutureBuckets);
        }

        cases.Add(11, 300, 4);
        cases.Add(12, 3_600, 2);
        cases.Add(13, 1, 16);
        cases.Add(14, 60, 0);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_snapshot_field_matches_a_reference_aggregation_over_all_events(int seed, int bucketSeconds, int futureBuckets)
    {
        var rng = new Random(seed);
        var bucket = TimeSpan.FromSeconds(bucketSeconds);
        var window = new EfficiencyWindow(bucket, futureBuckets);
        var model = new ReferenceModel(bucket, futureBuckets);
        var efficiency = new[] { 0.6m, 0.78m, 0.92m, 1.04m }[seed % 4];
        var clock = T0.AddTicks(rng.NextInt64(TimeSpan.TicksPerHour));
        window.Advance(clock);
        var checkpoints = 0;

        for (var action = 0; action < Actions; action++)
        {
            var roll = rng.NextDouble();
            var jumped = false;
            if (roll < 0.08)
            {
                clock = clock.AddTicks(rng.NextInt64(1, 10 * TimeSpan.TicksPerMinute));
                window.Advance(clock);
            }
            else if (roll < 0.09)
            {
                clock = clock.AddTicks(rng.NextInt64(TimeSpan.TicksPerHour, 12 * TimeSpan.TicksPerHour));
                window.Advance(clock);
                jumped = true;
            }
            else if (roll < 0.093)
            {
                clock = clock.AddTicks(TimeSpan.TicksPerDay + rng.NextInt64(10 * TimeSpan.TicksPerHour));
                window.Advance(clock);
                jumped = true;
            }
            else if (roll < 0.10)
            {
                window.Advance(clock.AddTicks(-rng.NextInt64(1, 5 * TimeSpan.TicksPerHour)));
            }
            else
            {
                AddShuffledBatch(rng, window, model, clock, efficiency);
            }

            if (jumped || action % CheckpointEvery == 0 || action == Actions - 1)
            {
                // A query with an earlier "now" must answer for the current window, not rewind it.
                var now = rng.Next(10) == 0 ? clock.AddMinutes(-rng.Next(1, 600)) : clock;
                AssertSnapshot(model.Expected(clock), window.Snapshot(now), $"seed {seed}, action {action}");
                Assert.Equal(model.ExpectEmpty(clock), window.IsEmpty);
                checkpoints++;
            }
        }

        Assert.True(checkpoints >= 20, $"only {checkpoints} checkpoints");
        Assert.True(model.Accepted > 1_000, $"only {model.Accepted} readings were kept");
    }

    private static void AddShuffledBatch(Random rng, EfficiencyWindow window, ReferenceModel model, DateTimeOffset clock, decimal efficiency)
    {
        var batch = new ReferenceReading[rng.Next(1, 7)];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = NewReading(rng, model, clock, efficiency);
        }

        rng.Shuffle(batch);
        foreach (var reading in batch)
        {
            // Some callers pass a stale "now"; it must neither rewind the window nor change what is kept.
            var now = rng.Next(20) == 0 ? clock.AddTicks(-rng.NextInt64(1, 3 * TimeSpan.TicksPerHour)) : clock;
            var kept = reading.Temp is { } temp
                ? window.AddDc(reading.Timestamp, (double)reading.Kwh, (double)temp, now)
                : window.AddAc(reading.Timestamp, (double)reading.Kwh, now);
            Assert.Equal(model.Add(reading, clock), kept);
        }
    }

    private static ReferenceReading NewReading(Random rng, ReferenceModel model, DateTimeOffset clock, decimal efficiency)
    {
        var timestamp = NewTimestamp(rng, model, clock).ToOffset(Offsets[rng.Next(Offsets.Length)]);
        var kwh = rng.Next(100) switch
        {
            0 => RandomDecimal(rng, 999_000m, 1_000_000m),
            < 6 => RandomDecimal(rng, -5m, 0m),
            _ => RandomDecimal(rng, 0m, 60m),
        };
        if (rng.Next(2) == 0)
        {
            return new ReferenceReading(timestamp, kwh, null);
        }

        var dc = Math.Clamp(Math.Round(kwh * efficiency * RandomDecimal(rng, 0.9m, 1.1m), 6), -1_000_000m, 1_000_000m);
        var temp = rng.Next(50) == 0 ? (rng.Next(2) == 0 ? -50m : 150m) : RandomDecimal(rng, -50m, 150m);
        return new ReferenceReading(timestamp, dc, temp);
    }

    private static DateTimeOffset NewTimestamp(Random rng, ReferenceModel model, DateTimeOffset clock)
    {
        var bucketTicks = model.Bucket.Ticks;
        var (start, end) = model.Window(clock);
        return rng.Next(100) switch
        {
            < 70 => clock.AddTicks(-rng.NextInt64(TimeSpan.TicksPerDay)),
            < 80 => clock.AddTicks(-rng.NextInt64(TimeSpan.TicksPerDay, 30 * TimeSpan.TicksPerHour)),
            < 95 => clock.AddTicks(rng.NextInt64(20 * bucketTicks)),
            _ => rng.Next(6) switch
            {
                0 => start,
                1 => start.AddTicks(-1),
                2 => end,
                3 => end.AddTicks(-1),
                4 => end.AddTicks((model.FutureBuckets * bucketTicks) - 1),
                _ => end.AddTicks(model.FutureBuckets * bucketTicks),
            },
        };
    }

    private static decimal RandomDecimal(Random rng, decimal min, decimal max) =>
        rng.NextInt64((long)(min * 1_000_000m), (long)(max * 1_000_000m) + 1) / 1_000_000m;

    private static void AssertSnapshot(EfficiencySnapshot expected, EfficiencySnapshot actual, string where)
    {
        Assert.True(expected.Start == actual.Start, $"{where}: Start {actual.Start:O} != {expected.Start:O}");
        Assert.True(expected.End == actual.End, $"{where}: End {actual.End:O} != {expected.End:O}");
        Assert.True(expected.TotalAcKwh == actual.TotalAcKwh, $"{where}: TotalAcKwh {actual.TotalAcKwh} != {expected.TotalAcKwh}");
        Assert.True(expected.TotalDcKwh == actual.TotalDcKwh, $"{where}: TotalDcKwh {actual.TotalDcKwh} != {expected.TotalDcKwh}");
        Assert.True(expected.AvgBatteryTemp == actual.AvgBatteryTemp, $"{where}: AvgBatteryTemp {actual.AvgBatteryTemp} != {expected.AvgBatteryTemp}");
        Assert.True(expected.EfficiencyRatio == actual.EfficiencyRatio, $"{where}: EfficiencyRatio {actual.EfficiencyRatio} != {expected.EfficiencyRatio}");
        Assert.True(expected.VehicleReadings == actual.VehicleReadings, $"{where}: VehicleReadings {actual.VehicleReadings} != {expected.VehicleReadings}");
        Assert.True(expected.MeterReadings == actual.MeterReadings, $"{where}: MeterReadings {actual.MeterReadings} != {expected.MeterReadings}");
        Assert.True(expected.HealthStatus == actual.HealthStatus, $"{where}: HealthStatus {actual.HealthStatus} != {expected.HealthStatus}");
        Assert.Equal(expected, actual);
    }
}
