namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// A reading PostgreSQL refused because of its own content (a data or constraint error), found by isolating it
/// from the group commit it shared with others: nothing of it was stored, and its sender gets a 400 naming
/// <see cref="Field"/>. <see cref="Index"/> is its position in the readings of the grain call that carried it.
/// <see cref="Forbidden"/>: refused by the grain instead, because it would write to another fleet's device (a 403 alone).
/// </summary>
[GenerateSerializer, Immutable, Alias("ea.RejectedReading")]
public sealed record RejectedReading(
    [property: Id(0)] string DeviceType,
    [property: Id(1)] string DeviceId,
    [property: Id(2)] int Index,
    [property: Id(3)] string Field,
    [property: Id(4)] string Message,
    [property: Id(5)] bool Forbidden = false);
