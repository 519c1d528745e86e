namespace EnergyActors.Silo.History;

/// <summary>Every partitioned history table, in the fixed order batches write them (a stable lock order).</summary>
internal static class HistoryTables
{
    public static readonly IReadOnlyList<HistoryTable> All = [MeterHistoryTable.Instance, VehicleHistoryTable.Instance, SiteHistoryTable.Instance];
}
