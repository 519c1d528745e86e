using System.Text.Json.Serialization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Ingest;

/// <summary>
/// The figures of a measured run, as printed and as written by <c>--json</c>. <see cref="RowsCommitted"/>
/// is the rows added to meter_readings + vehicle_readings while measuring: null without <c>--connection</c>
/// or when counting failed. <see cref="Ingest"/> only feeds the inherited figures, which <c>--json</c> writes
/// at the top level.
/// </summary>
internal sealed record IngestResult(
    string Gateway,
    string Mode,
    int Meters,
    int Vehicles,
    int Concurrency,
    int ReadingsPerRequest,
    long Seed,
    string StopReason,
    [property: JsonIgnore] IngestFigures Ingest,
    [property: JsonPropertyOrder(IngestFigures.TrailingOrder)] bool RowsChecked,
    [property: JsonPropertyOrder(IngestFigures.TrailingOrder)] long? RowsCommitted) : IngestFigures(Ingest)
{
    /// <summary>Nothing failed or was rejected, and when rows were checked, each accepted reading is a new row.</summary>
    [JsonPropertyOrder(TrailingOrder)]
    public bool Passed => Clean && (!RowsChecked || RowsCommitted == Accepted);

    public static IngestResult From(IngestOptions options, PhaseOutcome measured, bool rowsChecked, long? rowsCommitted)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(measured);
        return new IngestResult(
            options.Gateway.ToString(),
            options.Mode == IngestMode.Batch ? "batch" : "single",
            options.Meters,
            options.Vehicles,
            options.Concurrency,
            options.ReadingsPerRequest,
            options.Seed,
            measured.StopReason,
            IngestFigures.Snapshot(measured.Counters, measured.Latency, measured.Elapsed),
            rowsChecked,
            rowsCommitted);
    }
}
