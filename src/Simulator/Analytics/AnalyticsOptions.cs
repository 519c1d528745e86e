namespace EnergyActors.Simulator.Analytics;

/// <summary>
/// The validated settings of one <c>analytics</c> run: <see cref="Requests"/> measured queries (after
/// <see cref="Warmup"/> unmeasured ones) over vehicles {prefix}VEH-000001 … in turn, through the gateway,
/// or straight against PostgreSQL when <see cref="SqlConnection"/> is set.
/// </summary>
internal sealed record AnalyticsOptions(
    Uri Gateway,
    int Vehicles,
    string Prefix,
    long Requests,
    long Warmup,
    int Concurrency,
    string? SqlConnection,
    string? JsonPath);
