namespace EnergyActors.Tests.Hostile;

/// <summary>An HTTP answer as read off the socket; status 0 when the server closed without answering.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
