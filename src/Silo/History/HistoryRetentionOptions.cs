using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Silo.History;

/// <summary>
/// How long history is kept (keys <c>History:RetentionDays</c> and <c>History:RollupRetentionDays</c>); 0 or unset
/// keeps everything, which is the default.
/// </summary>
public sealed class HistoryRetentionOptions : IValidatableObject
{
    public const string SectionName = "History";

    /// <summary>
    /// A vehicle rebuilds its 24 h window from history on activation, and that window spans two calendar days:
    /// keeping fewer would drop readings a live window still counts.
    /// </summary>
    public const int MinimumDays = 2;

    /// <summary>Days of raw readings (meter, vehicle, site) kept, counted back from now (UTC); 0 keeps every day.</summary>
    [Range(0, 36_500)]
    public int RetentionDays { get; set; }

    /// <summary>Days of site rollups (15 min, 1 h, 1 day) kept; 0 keeps every bucket. At least <see cref="RetentionDays"/> when both are set.</summary>
    [Range(0, 36_500)]
    public int RollupRetentionDays { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetentionDays is > 0 and < MinimumDays)
        {
            yield return new ValidationResult(
                $"History:RetentionDays={RetentionDays} is refused: keep at least {MinimumDays} days (a vehicle's 24 h window spans two days), or 0 to keep everything.",
                [nameof(RetentionDays)]);
        }

        if (RollupRetentionDays is > 0 and < MinimumDays)
        {
            yield return new ValidationResult(
                $"History:RollupRetentionDays={RollupRetentionDays} is refused: keep at least {MinimumDays} days, or 0 to keep everything.",
                [nameof(RollupRetentionDays)]);
        }

        if (RetentionDays > 0 && RollupRetentionDays > 0 && RollupRetentionDays < RetentionDays)
        {
            yield return new ValidationResult(
                $"History:RollupRetentionDays={RollupRetentionDays} is shorter than History:RetentionDays={RetentionDays}: "
                + "site rollups summarise the raw readings and must be kept at least as long.",
                [nameof(RollupRetentionDays)]);
        }
    }
}
