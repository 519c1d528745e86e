using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Ingest;

/// <summary>What one phase (warm-up or measurement) did, and why it ended.</summary>
internal sealed record PhaseOutcome(IngestCounters Counters, LatencyHistogram Latency, TimeSpan Elapsed, string StopReason);
