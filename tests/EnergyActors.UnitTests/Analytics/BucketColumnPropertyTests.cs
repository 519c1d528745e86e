using CsCheck;
using EnergyActors.Grains.Analytics;

namespace EnergyActors.Tests.Analytics;

/// <summary>
/// Random operation sequences against a plain Int128 array: whatever units, widths and signs a column goes
/// through (and back, after clears and releases), every value it gives is the exact sum of what was added.
/// </summary>
public sealed class BucketColumnPropertyTests
{
    private enum Kind
    {
        Add,
        Increment,
        Clear,
        Release,
    }

    private readonly record struct Operation(Kind Kind, int Slot, long Delta);

    // A value with k trailing decimal zeros in millionths is a reading with 6 - k decimals: k up to 9 covers whole
    // thousands of kWh, which must not be coarser than the column allows.
    private static readonly Gen<long> Delta =
        from zeros in Gen.Int[0, 9]
        from mantissa in Gen.Frequency(
            (6, Gen.Long[0, 2_000]),
            (3, Gen.Long[0, 2_000_000]),
            (1, Gen.Long[0, long.MaxValue / 1_000_000_000]))
        from negative in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
        select (negative ? -1 : 1) * mantissa * (long)Math.Pow(10, zeros);

    // Values near the ends of a long, so that sums in one slot leave 64 bits and the column keeps Int128s.
    private static readonly Gen<long> Huge = Gen.Long[long.MaxValue / 2, long.MaxValue].Select(Gen.Bool, (v, negative) => negative ? -v : v);

    private static Gen<Operation> Operations(int length) =>
        Gen.Frequency(
            (70, Gen.Select(Gen.Int[0, length - 1], Delta, (slot, delta) => new Operation(Kind.Add, slot, delta))),
            (15, Gen.Int[0, length - 1].Select(slot => new Operation(Kind.Increment, slot, 1))),
            (6, Gen.Int[0, length - 1].Select(slot => new Operation(Kind.Clear, slot, 0))),
            (2, Gen.Int[0, length - 1].Select(slot => new Operation(Kind.Release, slot, 0))),
            (1, Gen.Select(Gen.Int[0, length - 1], Huge, (slot, delta) => new Operation(Kind.Add, slot, delta))));

    private static readonly Gen<(int Length, Operation[] Operations)> Cases =
        from length in Gen.Int[1, 70]
        from operations in Operations(length).Array[0, 400]
        select (length, operations);

    [Fact]
    public void Every_value_equals_a_plain_Int128_sum_after_every_operation()
    {
        Cases.Sample(c =>
        {
            var column = new BucketColumn(c.Length);
            var reference = new Int128[c.Length];
            foreach (var operation in c.Operations)
            {
                Apply(column, reference, operation);
                if (column[operation.Slot] != reference[operation.Slot])
                {
                    return false;
                }
            }

            return Enumerable.Range(0, c.Length).All(i => column[i] == reference[i]);
        }, iter: 2_000);
    }

    [Fact]
    public void A_slot_that_changes_sign_back_and_forth_stays_exact_and_leaves_its_neighbours_alone()
    {
        var gen = Gen.Select(Gen.Int[2, 100], Delta.Array[1, 200]);
        gen.Sample((length, deltas) =>
        {
            var column = new BucketColumn(length);
            var reference = new Int128[length];
            for (var i = 0; i < length; i++)
            {
                column.Add(i, i + 1);
                reference[i] = i + 1;
            }

            var slot = length / 2;
            foreach (var delta in deltas)
            {
                // Every other value is subtracted, so the sum keeps crossing zero.
                column.Add(slot, -delta);
                column.Add(slot, delta / 3);
                reference[slot] += -delta + (delta / 3);
            }

            return Enumerable.Range(0, length).All(i => column[i] == reference[i]);
        }, iter: 1_000);
    }

    private static void Apply(BucketColumn column, Int128[] reference, Operation operation)
    {
        switch (operation.Kind)
        {
            case Kind.Add:
                column.Add(operation.Slot, operation.Delta);
                reference[operation.Slot] += operation.Delta;
                break;
            case Kind.Increment:
                column.Increment(operation.Slot);
                reference[operation.Slot]++;
                break;
            case Kind.Clear:
                column.Clear(operation.Slot);
                reference[operation.Slot] = 0;
                break;
            default:
                column.Release();
                Array.Clear(reference);
                break;
        }
    }
}
