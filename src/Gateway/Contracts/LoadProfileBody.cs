namespace EnergyActors.Gateway.Contracts;

/// <summary>24 hourly weights for weekdays and for weekends.</summary>
public sealed record LoadProfileBody(IReadOnlyList<double> Weekday, IReadOnlyList<double> Weekend);
