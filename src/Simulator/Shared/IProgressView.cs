using Spectre.Console.Rendering;

namespace EnergyActors.Simulator.Shared;

/// <summary>What a command shows while it runs: live lines on a terminal, one plain line per tick otherwise.</summary>
internal interface IProgressView
{
    IRenderable Live(TimeSpan elapsed);

    string Plain(TimeSpan elapsed);
}
