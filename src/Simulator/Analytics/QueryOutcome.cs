namespace EnergyActors.Simulator.Analytics;

/// <summary>How one query ended: an HTTP status (200 for a SQL query that ran), or no status and the error.</summary>
internal readonly record struct QueryOutcome(int? Status, string? Error)
{
    public static readonly QueryOutcome Ok = new(200, null);

    public static QueryOutcome Failed(string error) => new(null, error);
}
