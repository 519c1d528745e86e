using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Silo.History;

/// <summary>How far ahead daily history partitions are created (configuration section <c>History:Partitions</c>).</summary>
public sealed class HistoryPartitionOptions
{
    public const string SectionName = "History:Partitions";

    /// <summary>Days after today (UTC) that get their partition in advance.</summary>
    [Range(1, 366)]
    public int DaysAhead { get; set; } = 3;

    [Range(1, 1_440)]
    public int CheckIntervalMinutes { get; set; } = 60;
}
