namespace EnergyActors.Tests.Infrastructure;

/// <summary>What an <see cref="AcknowledgedLoad"/> sends: how many single-reading and batch clients, over which devices and times.</summary>
public sealed record LoadShape
{
    public int Workers { get; init; } = 16;

    public int DevicesPerWorker { get; init; } = 8;

    /// <summary>Clients posting batches of <see cref="BatchSize"/> readings of their own devices.</summary>
    public int BatchWorkers { get; init; }

    public int BatchSize { get; init; } = 50;

    /// <summary>The first readings' timestamp, in whole seconds (history keeps microseconds; the ledger compares exactly).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Meter readings name the vehicle of the same id, so vehicles' efficiency windows hold AC and DC.</summary>
    public bool MetersNameVehicles { get; init; }

    /// <summary>Sent with every request when set (gateways that take keys).</summary>
    public string? ApiKey { get; init; }
}
