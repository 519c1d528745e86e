namespace EnergyActors.Tests.Hostile;

/// <summary>How an endpoint's body travels: a JSON object as the whole document, the only item of a JSON array batch, or one NDJSON line.</summary>
public enum BodyShape
{
    Document,
    JsonBatch,
    NdjsonBatch,
}
