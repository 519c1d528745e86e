namespace EnergyActors.Benchmarks;

/// <summary>A grain with no fields and no state: what an activation costs in Orleans itself, the floor under every device grain.</summary>
internal interface IEmptyGrain : IGrainWithStringKey
{
    Task Touch();
}

internal sealed class EmptyGrain : Grain, IEmptyGrain
{
    public Task Touch() => Task.CompletedTask;
}
