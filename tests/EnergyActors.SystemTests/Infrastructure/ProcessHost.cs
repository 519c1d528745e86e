namespace EnergyActors.Tests.Infrastructure;

/// <summary>
/// The machine a <see cref="RunningSystem"/> process runs on: this one's loopback (the default), or another one reached
/// at <see cref="Address"/>, whose commands start with <see cref="Launcher"/> (e.g. <c>ip netns exec ns</c>).
/// </summary>
public sealed record ProcessHost(string Address, IReadOnlyList<string> Launcher)
{
    public static ProcessHost Loopback { get; } = new("127.0.0.1", []);

    private bool IsLoopback => Address == Loopback.Address;

    /// <summary>
    /// Where the test finds the health endpoints of a process listening at <paramref name="publicAddress"/>: there on
    /// loopback (a local caller reaches them on every listener), else on a management URL one port up, as an operator
    /// exposes them to a monitor on another machine.
    /// </summary>
    public Uri HealthAddress(Uri publicAddress)
    {
        ArgumentNullException.ThrowIfNull(publicAddress);
        return IsLoopback ? publicAddress : new UriBuilder(publicAddress) { Port = publicAddress.Port + 1 }.Uri;
    }

    /// <summary>The settings that place a silo or gateway listening at <paramref name="publicAddress"/> on this machine.</summary>
    public void AddSettings(IDictionary<string, string> settings, Uri publicAddress, bool silo)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (IsLoopback)
        {
            return;
        }

        if (silo)
        {
            settings["Orleans__AdvertisedIP"] = Address;
        }

        settings["Operations__ManagementUrls"] = HealthAddress(publicAddress).ToString().TrimEnd('/');
    }
}
