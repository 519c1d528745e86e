namespace EnergyActors.Simulator.Analytics;

/// <summary>One way of asking for a vehicle's rolling 24 h figures: the gateway's endpoint, or the SQL behind the reference engine's.</summary>
internal interface IPerformanceQuery
{
    /// <summary>"http" or "sql", for the report.</summary>
    string Kind { get; }

    Task<QueryOutcome> RunAsync(string vehicleId, CancellationToken cancellation);
}
