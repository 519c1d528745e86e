using System.Text.Json.Serialization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Backfill;

/// <summary>
/// The figures of a backfill run, as printed and as written by <c>--json</c>.
/// <see cref="Ingest"/> only feeds the inherited figures, which <c>--json</c> writes at the top level.
/// </summary>
internal sealed record BackfillResult(
    string Gateway,
    int Vehicles,
    int Meters,
    int Hours,
    string From,
    string To,
    int BatchSize,
    int Concurrency,
    long Seed,
    string StopReason,
    long ReadingsPlanned,
    long ReadingsSent,
    [property: JsonIgnore] IngestFigures Ingest,
    [property: JsonPropertyOrder(IngestFigures.RatesOrder)] double SentPerSecond) : IngestFigures(Ingest)
{
    /// <summary>Every reading was sent and acknowledged (accepted or duplicate), none failed or was rejected.</summary>
    [JsonPropertyOrder(TrailingOrder)]
    public bool Passed => Clean && ReadingsSent == ReadingsPlanned && Accepted + Duplicates == ReadingsPlanned;
}
