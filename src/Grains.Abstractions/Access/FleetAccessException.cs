namespace EnergyActors.Grains.Abstractions.Access;

/// <summary>Why a grain refused a call on the fleet's behalf it carried (<see cref="FleetScope"/>).</summary>
public enum FleetAccessFailure
{
    /// <summary>The data belongs to another fleet and the call would change it: 403.</summary>
    OtherFleet,

    /// <summary>An admin acting for every fleet asked for something that exists per fleet (a listing, a new device): 400 naming fleetId.</summary>
    FleetRequired,
}

/// <summary>A grain's refusal to act for the calling fleet. Nothing of the refused call was stored.</summary>
[GenerateSerializer, Alias("ea.FleetAccessException")]
public sealed class FleetAccessException : Exception
{
    public FleetAccessException()
    {
    }

    public FleetAccessException(string message)
        : base(message)
    {
    }

    public FleetAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FleetAccessException(FleetAccessFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    [Id(0)]
    public FleetAccessFailure Failure { get; init; }

    public static FleetAccessException OtherFleet(string what) =>
        new(FleetAccessFailure.OtherFleet, $"{what} belongs to another fleet.");

    public static FleetAccessException FleetRequired(string what) =>
        new(FleetAccessFailure.FleetRequired, $"An admin key acting for every fleet must name one with ?fleetId= to {what}.");
}
