using System.Text;

namespace EnergyActors.Tests.Hostile;

/// <summary>
/// The generated hostile-input corpus: named cases over every endpoint, each with ids unique to this run and case,
/// and one fixture site that the site endpoints act on (its configuration must come out unchanged).
/// </summary>
public sealed class HostileCorpus
{
    private readonly string _run;
    private int _next;

    private HostileCorpus(string run)
    {
        _run = run;
        FixtureSite = $"hx{run}-fixture";
        Endpoints = HostileEndpoints.All(FixtureSite);
    }

    public string FixtureSite { get; }

    public IReadOnlyList<BodyEndpoint> Endpoints { get; }

    public List<HostileCase> Cases { get; } = [];

    public static HostileCorpus Build(string run)
    {
        var corpus = new HostileCorpus(run);
        BodyCorpus.AddTo(corpus);
        EncodingCorpus.AddTo(corpus);
        FramingCorpus.AddTo(corpus);
        AddressCorpus.AddTo(corpus);
        return corpus;
    }

    /// <summary>A device or site id no other case or test uses.</summary>
    public string NextWitness() => $"hx{_run}-{++_next}";

    public void Add(string name, byte[] request, Expectation expect, IReadOnlyList<string>? witnesses = null) =>
        Cases.Add(new HostileCase(name, request, expect, witnesses ?? []));

    /// <summary>A case whose body is <paramref name="endpoint"/>'s valid body with <paramref name="field"/> set to <paramref name="literal"/> ("{w}" in it: the case's id).</summary>
    public void AddField(BodyEndpoint endpoint, string category, string field, string literal, string? errorKey = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var witness = NextWitness();
        var json = endpoint.Json(witness, field, Encoding.UTF8.GetBytes(literal.Replace("{w}", witness, StringComparison.Ordinal)));
        Add($"{endpoint.Name}: {category} {field}={Show(literal)}", endpoint.Request(witness, json), endpoint.Invalid(errorKey ?? field), BodyEndpoint.Witnesses(witness));
    }

    /// <summary>Printable and short: case names end up in assertion messages.</summary>
    public static string Show(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text)
        {
            shown.Append(c is >= ' ' and < '\u007f' ? c.ToString() : $"\\x{(int)c:X2}");
        }

        return shown.Length <= 48 ? shown.ToString() : shown.ToString(0, 48) + "…";
    }
}
