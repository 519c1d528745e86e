using System.ComponentModel.DataAnnotations;

namespace EnergyActors.Gateway;

/// <summary>The HTTP contract's limits (configuration section <c>Gateway</c>).</summary>
public sealed class ApiLimitsOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Larger bodies are answered 413.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    [Range(1, 100_000)]
    public int MaxBatchItems { get; set; } = 10_000;

    /// <summary>How far past server time a reading's timestamp may be (clock skew of devices).</summary>
    [Range(0, 86_400)]
    public int MaxFutureSkewSeconds { get; set; } = 300;

    /// <summary>How long a grain call may take before the request is answered 503.</summary>
    [Range(1, 600)]
    public int GrainCallTimeoutSeconds { get; set; } = 15;
}
