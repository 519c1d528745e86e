namespace EnergyActors.Simulator.Shared;

/// <summary>What happens after Ctrl+C: requests in flight get a grace to be answered, then the report is printed.</summary>
internal static class Shutdown
{
    /// <summary>After Ctrl+C, in-flight requests get this long to be answered before they are cancelled.</summary>
    public static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(10);

    /// <summary>All the time a run gets after Ctrl+C: the drain, then counting and the report.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);
}
