namespace EnergyActors.Grains.Abstractions;

/// <summary>
/// Raised when a reading cannot be made durable right now (history queue full, PostgreSQL unreachable).
/// Nothing in the failed call was acknowledged, so the caller may retry the whole call after <see cref="RetryAfterSeconds"/>.
/// </summary>
[GenerateSerializer, Alias("ea.BackPressureException")]
public sealed class BackPressureException : Exception
{
    public BackPressureException()
    {
    }

    public BackPressureException(string message)
        : base(message)
    {
    }

    public BackPressureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BackPressureException(string message, int retryAfterSeconds)
        : base(message)
    {
        RetryAfterSeconds = retryAfterSeconds;
    }

    [Id(0)]
    public int RetryAfterSeconds { get; init; } = 1;
}
