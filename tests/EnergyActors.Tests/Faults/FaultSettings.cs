namespace EnergyActors.Tests.Faults;

/// <summary>Settings that make failures show within seconds, so fault tests stay short.</summary>
internal static class FaultSettings
{
    /// <summary>A grain call stuck on a dead silo is answered 503 after this, instead of the default 15 s.</summary>
    public static readonly IReadOnlyDictionary<string, string> Gateway = new Dictionary<string, string>
    {
        ["Gateway__GrainCallTimeoutSeconds"] = "5",
    };

    /// <summary>A killed silo is declared dead after two missed one-second probes, by a single vote.</summary>
    public static readonly IReadOnlyDictionary<string, string> Silo = new Dictionary<string, string>
    {
        ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
        ["Orleans__Membership__NumMissedProbesLimit"] = "2",
        ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
        ["Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
    };
}
