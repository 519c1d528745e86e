using System.Text;

namespace EnergyActors.Tests.Hostile;

/// <summary>
/// An endpoint that takes a JSON body: its path, a valid body for a witness id (fields as dotted names and JSON
/// literals), and the string fields it reads. Hostile bodies are this valid body with one part broken, so the answer
/// can only be about that part.
/// </summary>
public sealed record BodyEndpoint(
    string Name,
    string Method,
    Func<string, string> Path,
    BodyShape Shape,
    Func<string, IReadOnlyList<(string Field, string Literal)>> Fields,
    IReadOnlyList<string> TextFields)
{
    public string ContentType => Shape == BodyShape.NdjsonBatch ? "application/x-ndjson" : "application/json";

    /// <summary>The answer when <paramref name="field"/> is wrong: a 400 naming it, or for a batch, the item rejected naming it.</summary>
    public Expectation Invalid(string field) => Shape == BodyShape.Document ? Expectation.Invalid(field) : Expectation.Rejected(field);

    /// <summary>The answer when the JSON text itself is unusable: the body is refused, or for NDJSON, that line.</summary>
    public Expectation BodyProblem => Shape == BodyShape.NdjsonBatch ? Expectation.Rejected("body") : Expectation.Invalid("body");

    /// <summary>The ids a body for <paramref name="witness"/> carries (the device itself, a vehicle, a meter).</summary>
    public static IReadOnlyList<string> Witnesses(string witness) => [witness, witness + "v", witness + "m"];

    /// <summary>The valid JSON text for <paramref name="witness"/>, before framing as an array or line.</summary>
    public string ValidJson(string witness) => Encoding.UTF8.GetString(Json(witness));

    /// <summary>
    /// The body for <paramref name="witness"/> with <paramref name="field"/> (a field, or a nested object's name) set to
    /// <paramref name="literal"/>, and extra members appended.
    /// </summary>
    public byte[] Json(string witness, string? field = null, byte[]? literal = null, params byte[][] extraMembers)
    {
        var members = new List<(string Name, bool Nested, List<byte[]> Parts)>();
        var replaced = false;
        foreach (var (name, value) in Fields(witness))
        {
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var top = dot < 0 ? name : name[..dot];
            if (top == field && dot >= 0)
            {
                // The whole nested object is replaced: once, at its first member.
                if (!replaced)
                {
                    members.Add((top, false, [[.. Encoding.UTF8.GetBytes($"\"{top}\":"), .. literal!]]));
                    replaced = true;
                }

                continue;
            }

            replaced |= name == field;
            var bytes = name == field ? literal! : Encoding.UTF8.GetBytes(value);
            byte[] member = [.. Encoding.UTF8.GetBytes($"\"{name[(dot + 1)..]}\":"), .. bytes];
            var group = members.FindIndex(m => m.Nested && m.Name == top);
            if (dot < 0 || group < 0)
            {
                members.Add((top, dot >= 0, [member]));
            }
            else
            {
                members[group].Parts.Add(member);
            }
        }

        if (field is not null && !replaced)
        {
            throw new ArgumentException($"{Name} has no field '{field}'", nameof(field));
        }

        var rendered = members.Select(m => m.Nested ? [.. Encoding.UTF8.GetBytes($"\"{m.Name}\":{{"), .. Join(m.Parts), (byte)'}'] : m.Parts[0]);
        return [(byte)'{', .. Join([.. rendered, .. extraMembers]), (byte)'}'];
    }

    /// <summary>A JSON text framed the way this endpoint takes a reading (inside an array, or as one line).</summary>
    public byte[] Frame(byte[] json) => Shape switch
    {
        BodyShape.JsonBatch => [(byte)'[', .. json, (byte)']'],
        BodyShape.NdjsonBatch => [.. json, (byte)'\n'],
        _ => json,
    };

    public byte[] Request(string witness, byte[] json, string? contentType = "", params string[] headers) =>
        RawHttp.Request(Method, Path(witness), contentType == string.Empty ? ContentType : contentType, Frame(json), headers);

    private static byte[] Join(IEnumerable<byte[]> parts)
    {
        var joined = new List<byte>();
        foreach (var part in parts)
        {
            if (joined.Count > 0)
            {
                joined.Add((byte)',');
            }

            joined.AddRange(part);
        }

        return [.. joined];
    }
}
