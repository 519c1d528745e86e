using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>What a meter grain reads on activation: its newest reading and the fleet it is bound to (null: none).</summary>
public sealed record MeterHistory(MeterReading? Latest, string? Fleet);
