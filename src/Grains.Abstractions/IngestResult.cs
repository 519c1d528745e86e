namespace EnergyActors.Grains.Abstractions;

/// <summary>How many readings of one call were newly committed to history, and how many were already there.</summary>
[GenerateSerializer, Immutable, Alias("ea.IngestResult")]
public readonly record struct IngestResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates)
{
    public static IngestResult operator +(IngestResult left, IngestResult right) =>
        new(left.Accepted + right.Accepted, left.Duplicates + right.Duplicates);

    public static IngestResult Add(IngestResult left, IngestResult right) => left + right;
}
