namespace EnergyActors.Grains.Abstractions.Access;

/// <summary>
/// The fleet a grain call acts for. The gateway enters it once per request, from the caller's key, into Orleans'
/// <see cref="RequestContext"/>, which travels with every grain call the request makes and with the calls those make.
/// Grains that own fleet data judge it against their owner, so no endpoint has to remember to. A call that carries
/// no scope is refused: access is never granted by omission.
/// </summary>
public static class FleetScope
{
    public const string ContextKey = "ea.fleet";

    /// <summary>An admin key that named no fleet: it may read and change every fleet's data, but binds nothing new to a fleet.</summary>
    public const string AllFleets = "*";

    /// <summary>The scope of the call being served: a fleet id, <see cref="AllFleets"/>, or null when the call carries none.</summary>
    public static string? Current => RequestContext.Get(ContextKey) as string;

    /// <summary>Acts for <paramref name="scope"/> (a fleet id or <see cref="AllFleets"/>) in every grain call made from here on in this flow.</summary>
    public static void Enter(string scope)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        RequestContext.Set(ContextKey, scope);
    }
}
