namespace EnergyActors.Tests.Hostile;

/// <summary>
/// One hostile request as raw bytes, what the gateway must answer, and the ids it carries that must not be stored
/// (each unique to the case, so any row or grain state under them means part of a refused request was kept).
/// </summary>
public sealed record HostileCase(string Name, byte[] Request, Expectation Expect, IReadOnlyList<string> Witnesses);
