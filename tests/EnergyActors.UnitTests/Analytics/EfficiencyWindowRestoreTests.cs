using EnergyActors.Grains.Analytics;

namespace EnergyActors.Tests.Analytics;

/// <summary>
/// A stored window plus the rows committed after it must give the figures of a full rebuild, for random histories
/// with late commits (old timestamps committed late), readings stamped ahead, chains of stored windows each built
/// from the one before, and any commit point. History is modelled as rows numbered in commit order; a stored window
/// records the last commit it saw, as the grain records a PostgreSQL snapshot.
/// </summary>
public sealed class EfficiencyWindowRestoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 22, 41, 7, TimeSpan.Zero);

    public static TheoryData<int, int, int> Cases()
    {
        var cases = new TheoryData<int, int, int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            cases.Add(seed, 60, EfficiencyWindow.DefaultFutureBuckets);
        }

        cases.Add(41, 300, 4);
        cases.Add(42, 1, 16);
        cases.Add(43, 60, 0);
        cases.Add(44, 3_600, 2);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stored_window_plus_later_commits_equals_a_full_rebuild(int seed, int bucketSeconds, int futureBuckets)
    {
        var rng = new Random(seed);
        var bucket = TimeSpan.FromSeconds(bucketSeconds);
        var history = new List<Row>();
        var clock = T0.AddTicks(rng.NextInt64(TimeSpan.TicksPerDay));
        (byte[] Bytes, int Commit, DateTimeOffset HeldUntil)? stored = null;

        for (var step = 0; step < 400; step++)
        {
            clock = clock.AddTicks(rng.NextInt64(rng.NextDouble() < 0.05 ? 6 * TimeSpan.TicksPerHour : 3 * TimeSpan.TicksPerMinute));
            for (var i = rng.Next(0, 6); i > 0; i--)
            {
                history.Add(RandomRow(rng, clock, history.Count + 1));
            }

            if (rng.NextDouble() < 0.15)
            {
                // A write: the stored window (or a rebuild, the first time or now and then) brought up to the last commit.
                var window = stored is { } s && rng.NextDouble() < 0.9
                    ? Restore(s.Bytes, s.Commit, s.HeldUntil, history, clock, bucket, futureBuckets)
                    : Rebuild(history, clock, bucket, futureBuckets);
                window.Advance(clock);
                stored = (window.ToSnapshot(), history.Count, window.HeldUntil);
            }

            if (stored is { } restorable && rng.NextDouble() < 0.3)
            {
                var expected = Rebuild(history, clock, bucket, futureBuckets).Snapshot(clock);
                var restored = Restore(restorable.Bytes, restorable.Commit, restorable.HeldUntil, history, clock, bucket, futureBuckets).Snapshot(clock);
                Assert.Equal(expected, restored);
            }
        }
    }

    [Fact]
    public void Corrupt_truncated_or_foreign_snapshots_are_refused_and_leave_the_window_unused()
    {
        var rng = new Random(7);
        var window = new EfficiencyWindow();
        for (var i = 0; i < 500; i++)
        {
            var row = RandomRow(rng, T0, i);
            Apply(window, row, T0);
        }

        var bytes = window.ToSnapshot();
        Assert.True(new EfficiencyWindow().TryRestore(bytes));
        for (var i = 0; i < bytes.Length; i++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[i] ^= (byte)(1 << (i % 8));
            AssertRefused(new EfficiencyWindow(), corrupt);
        }

        AssertRefused(new EfficiencyWindow(), bytes.AsSpan(0, bytes.Length - 1));
        AssertRefused(new EfficiencyWindow(), []);
        AssertRefused(new EfficiencyWindow(TimeSpan.FromMinutes(5)), bytes);
        AssertRefused(new EfficiencyWindow(EfficiencyWindow.DefaultBucketSize, futureBuckets: 3), bytes);
    }

    [Fact]
    public void A_full_day_of_readings_every_minute_stays_compact()
    {
        var rng = new Random(3);
        var now = T0;
        var window = new EfficiencyWindow();
        for (var minute = 0; minute < 1_440; minute++)
        {
            var at = T0.AddMinutes(minute - 1_439);
            window.AddDc(at, Math.Round(rng.NextDouble() * 1.5, 3), Math.Round(20 + (rng.NextDouble() * 20), 1), now);
            window.AddAc(at.AddSeconds(1), Math.Round(rng.NextDouble() * 1.8, 3), now);
        }

        var bytes = window.ToSnapshot();
        Console.WriteLine($"Stored window, one DC and one AC reading every minute for 24 h: {bytes.Length} bytes");
        var restored = new EfficiencyWindow();
        Assert.True(restored.TryRestore(bytes));
        Assert.Equal(window.Snapshot(now), restored.Snapshot(now));
        Assert.InRange(bytes.Length, 1, 16 * 1_440);
    }

    private static void AssertRefused(EfficiencyWindow window, ReadOnlySpan<byte> bytes)
    {
        Assert.False(window.TryRestore(bytes));
        Assert.True(window.IsEmpty);
    }

    // What the grain does on activation: the stored buckets, then the rows committed after them or stamped past their end.
    private static EfficiencyWindow Restore(byte[] bytes, int commit, DateTimeOffset heldUntil, List<Row> history, DateTimeOffset now, TimeSpan bucket, int futureBuckets)
    {
        var window = new EfficiencyWindow(bucket, futureBuckets);
        var since = window.StartAt(now);
        Assert.True(window.TryRestore(bytes));
        window.Advance(now);
        foreach (var row in history.Where(r => r.Timestamp >= since && (r.Commit > commit || r.Timestamp >= heldUntil)))
        {
            Apply(window, row, now);
        }

        return window;
    }

    private static EfficiencyWindow Rebuild(List<Row> history, DateTimeOffset now, TimeSpan bucket, int futureBuckets)
    {
        var window = new EfficiencyWindow(bucket, futureBuckets);
        var since = window.StartAt(now);
        window.Advance(now);
        foreach (var row in history.Where(r => r.Timestamp >= since))
        {
            Apply(window, row, now);
        }

        return window;
    }

    private static void Apply(EfficiencyWindow window, Row row, DateTimeOffset now)
    {
        if (row.Temp is { } temp)
        {
            window.AddDc(row.Timestamp, row.Kwh, temp, now);
        }
        else
        {
            window.AddAc(row.Timestamp, row.Kwh, now);
        }
    }

    // Mostly current readings; some committed late with timestamps up to a day and a half old; some stamped up to 40 minutes ahead.
    private static Row RandomRow(Random rng, DateTimeOffset clock, int commit)
    {
        var roll = rng.NextDouble();
        var offset = roll < 0.15 ? -rng.NextInt64(36 * TimeSpan.TicksPerHour)
            : roll < 0.22 ? rng.NextInt64(40 * TimeSpan.TicksPerMinute)
            : -rng.NextInt64(5 * TimeSpan.TicksPerMinute);
        var kwh = rng.NextDouble() < 0.1 ? -Math.Round(rng.NextDouble(), 6) : Math.Round(rng.NextDouble() * 3, rng.Next(0, 7));
        double? temp = rng.NextDouble() < 0.5 ? Math.Round(-20 + (rng.NextDouble() * 80), rng.Next(0, 4)) : null;
        return new Row(clock.AddTicks(offset), commit, kwh, temp);
    }

    private sealed record Row(DateTimeOffset Timestamp, int Commit, double Kwh, double? Temp);
}
