using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Fleet;

/// <summary>One request's body and the readings in it, in order, so the answer's item indices can be matched back.</summary>
internal sealed record FleetBatch(Payload Payload, IReadOnlyList<Reading> Readings);
