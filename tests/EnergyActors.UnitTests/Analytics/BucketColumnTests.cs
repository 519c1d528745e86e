using EnergyActors.Grains.Analytics;

namespace EnergyActors.Tests.Analytics;

/// <summary>The window's per-bucket sums and counts against plain Int128 arithmetic, across every widening.</summary>
public sealed class BucketColumnTests
{
    private const int Length = 64;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Every_value_equals_the_exact_sum_whatever_the_widths_it_went_through(int seed)
    {
        var random = new Random(seed);
        var column = new BucketColumn(Length);
        var model = new Int128[Length];
        for (var step = 0; step < 20_000; step++)
        {
            var slot = random.Next(Length);
            switch (random.Next(100))
            {
                case < 2:
                    column.Clear(slot);
                    model[slot] = 0;
                    break;
                case < 3:
                    column.Release();
                    Array.Clear(model);
                    break;
                default:
                    // Counts, small and large millionths of either sign, up to the window's largest accepted value.
                    var delta = random.Next(5) switch
                    {
                        0 => 1L,
                        1 => random.NextInt64(-100_000, 100_000),
                        2 => random.NextInt64(0, 70_000),
                        3 => random.NextInt64(-1_000_000_000_000_000, 1_000_000_000_000_000),
                        _ => random.NextInt64(0, 1_000_000_000_000_000) * 1_000,
                    };
                    column.Add(slot, delta);
                    model[slot] += delta;
                    break;
            }

            Assert.Equal(model[slot], column[slot]);
        }

        for (var i = 0; i < Length; i++)
        {
            Assert.Equal(model[i], column[i]);
        }
    }

    [Fact]
    public void Counts_stay_at_two_bytes_per_bucket_until_one_passes_a_ushort()
    {
        var column = new BucketColumn(Length);
        var empty = column.ApproximateBytes;
        column.Increment(0);
        var narrow = column.ApproximateBytes;
        for (var i = 1; i < ushort.MaxValue; i++)
        {
            column.Increment(0);
        }

        Assert.Equal(narrow, column.ApproximateBytes);
        column.Increment(0);
        Assert.Equal((Int128)ushort.MaxValue + 1, column[0]);
        Assert.Equal(narrow + (2 * Length), column.ApproximateBytes);

        column.Release();
        Assert.Equal(empty, column.ApproximateBytes);
    }

    [Fact]
    public void A_negative_sum_moves_the_column_to_signed_values()
    {
        var column = new BucketColumn(Length);
        column.Add(1, 5);
        column.Add(0, -12_500_000);
        Assert.Equal(5, column[1]);
        Assert.Equal(-12_500_000, column[0]);
    }
}
