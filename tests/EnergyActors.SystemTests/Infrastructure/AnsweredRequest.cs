using System.Diagnostics;

namespace EnergyActors.Tests.Infrastructure;

/// <summary>One request of a load: when it started and ended (<see cref="Stopwatch"/> ticks) and its HTTP status, 0 for a transport failure.</summary>
public readonly record struct AnsweredRequest(long Started, long Ended, int Status)
{
    public TimeSpan Duration => Stopwatch.GetElapsedTime(Started, Ended);
}
