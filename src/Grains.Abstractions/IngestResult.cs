namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// How many readings of one call were newly committed to history, how many were already there, and which
/// ones the database refused (null: none). Every reading of the call is in exactly one of the three.
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.IngestResult")]
public readonly record struct IngestResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] IReadOnlyList<RejectedReading>? Rejected = null)
{
    public int RejectedCount => Rejected?.Count ?? 0;

    public static IngestResult operator +(IngestResult left, IngestResult right) =>
        new(left.Accepted + right.Accepted, left.Duplicates + right.Duplicates, Concat(left.Rejected, right.Rejected));

    public static IngestResult Add(IngestResult left, IngestResult right) => left + right;

    private static IReadOnlyList<RejectedReading>? Concat(IReadOnlyList<RejectedReading>? left, IReadOnlyList<RejectedReading>? right) =>
        left is null or { Count: 0 } ? right : right is null or { Count: 0 } ? left : [.. left, .. right];
}
