using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Grains;

/// <summary>Counts per verdict and the worst vehicles first: lowest ratio first, vehicles without data last.</summary>
public static class FleetRanking
{
    public static FleetView View(IEnumerable<FleetEntry> entries, HealthStatus? status, int limit)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var counts = Enum.GetValues<HealthStatus>().ToDictionary(s => s, _ => 0);
        var matching = new List<FleetEntry>();
        foreach (var entry in entries)
        {
            counts[entry.Performance.HealthStatus]++;
            if (status is null || entry.Performance.HealthStatus == status)
            {
                matching.Add(entry);
            }
        }

        matching.Sort(WorstFirst);
        if (matching.Count > limit)
        {
            matching.RemoveRange(limit, matching.Count - limit);
        }

        return new FleetView(counts, matching);
    }

    public static FleetView Merge(IReadOnlyList<FleetView> shards, int limit)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var counts = Enum.GetValues<HealthStatus>().ToDictionary(s => s, _ => 0);
        var worst = new List<FleetEntry>();
        foreach (var shard in shards)
        {
            foreach (var (status, count) in shard.Counts)
            {
                counts[status] += count;
            }

            worst.AddRange(shard.Worst);
        }

        worst.Sort(WorstFirst);
        return new FleetView(counts, worst.Take(limit).ToList());
    }

    private static int WorstFirst(FleetEntry a, FleetEntry b)
    {
        var ra = a.Performance.EfficiencyRatio;
        var rb = b.Performance.EfficiencyRatio;
        if (ra is null != rb is null)
        {
            return ra is null ? 1 : -1;
        }

        var byRatio = Nullable.Compare(ra, rb);
        return byRatio != 0 ? byRatio : string.CompareOrdinal(a.Performance.VehicleId, b.Performance.VehicleId);
    }
}
