using EnergyActors.Grains.Analytics;

namespace EnergyActors.Tests.Analytics;

/// <summary>The window's per-bucket sums and counts against plain Int128 arithmetic, across every widening and unit.</summary>
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
    public void Counts_of_one_take_a_bit_per_bucket_and_widen_only_when_one_grows()
    {
        var column = new BucketColumn(Length);
        var empty = column.ApproximateBytes;
        for (var i = 0; i < Length; i++)
        {
            column.Increment(i);
        }

        var oneBit = column.ApproximateBytes;
        Assert.Equal(empty + 24 + (Length / 8), oneBit);

        column.Increment(0);
        column.Increment(0);
        Assert.Equal(3, column[0]);
        Assert.Equal(1, column[Length - 1]);
        Assert.Equal(empty + 24 + (2 * Length / 8), column.ApproximateBytes);

        column.Release();
        Assert.Equal(empty, column.ApproximateBytes);
    }

    [Fact]
    public void Readings_with_three_decimals_are_kept_in_thousandths_until_a_finer_one_arrives()
    {
        var column = new BucketColumn(Length);
        var empty = column.ApproximateBytes;
        for (var i = 0; i < Length; i++)
        {
            // 0.001 to 1.023 kWh, in millionths: ten bits a value in thousandths, twenty in millionths.
            column.Add(i, (i * 16 + 1) * 1_000L);
        }

        Assert.Equal(empty + 24 + (10 * Length / 8), column.ApproximateBytes);
        column.Add(7, 1);
        Assert.Equal((((7 * 16) + 1) * 1_000L) + 1, column[7]);
        Assert.Equal(((9 * 16) + 1) * 1_000L, column[9]);
        Assert.Equal(empty + 24 + (20 * Length / 8), column.ApproximateBytes);
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
