using System.Text;

namespace EnergyActors.Tests.Hostile;

/// <summary>
/// Bodies whose bytes are not UTF-8 JSON: invalid, overlong and surrogate sequences inside strings and property names
/// (also in a field nobody reads), lone surrogate escapes in property names, raw control bytes, UTF-16 and UTF-32
/// bodies with and without a byte order mark, and byte order marks where none may be.
/// </summary>
public static class EncodingCorpus
{
    private static readonly (string Name, byte[] Bytes)[] BadSequences =
    [
        ("invalid byte FF", [0xFF]),
        ("overlong '/' C0 AF", [0xC0, 0xAF]),
        ("UTF-8 encoded surrogate ED A0 80", [0xED, 0xA0, 0x80]),
        ("truncated sequence E2 82", [0xE2, 0x82]),
        ("code point past U+10FFFF F4 90 80 80", [0xF4, 0x90, 0x80, 0x80]),
    ];

    public static void AddTo(HostileCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        foreach (var endpoint in corpus.Endpoints.Where(e => e.Name != "batch site"))
        {
            foreach (var (name, bytes) in BadSequences)
            {
                if (endpoint.TextFields.Count > 0)
                {
                    var field = endpoint.TextFields[0];
                    Add(corpus, endpoint, $"{name} in {field}", w => endpoint.Frame(endpoint.Json(w, field, Quoted(w, bytes))));
                }

                Add(corpus, endpoint, $"{name} in an unread field", w => endpoint.Frame(endpoint.Json(w, extraMembers: [.. "\"note\":"u8, .. Quoted("x", bytes)])));
            }

            Add(corpus, endpoint, "invalid byte FF in a property name", w => endpoint.Frame(endpoint.Json(w, extraMembers: [(byte)'"', 0xFF, .. "\":1"u8])));
            Add(corpus, endpoint, "lone surrogate escape in a property name", w => endpoint.Frame(endpoint.Json(w, extraMembers: @"""\ud800"":1"u8.ToArray())));
            Add(corpus, endpoint, "raw control byte 01 in a string", w => endpoint.Frame(endpoint.Json(w, extraMembers: [.. "\"note\":\"a"u8, 0x01, (byte)'"'])));
            Add(corpus, endpoint, "raw NUL between tokens", w => Insert(endpoint.Frame(endpoint.Json(w)), 1, [0x00]));
            Add(corpus, endpoint, "UTF-16LE body", w => Recode(endpoint, w, Encoding.Unicode, bom: false));
            Add(corpus, endpoint, "UTF-16LE body with BOM", w => Recode(endpoint, w, Encoding.Unicode, bom: true));
            Add(corpus, endpoint, "UTF-16BE body with BOM", w => Recode(endpoint, w, Encoding.BigEndianUnicode, bom: true));
            Add(corpus, endpoint, "UTF-32LE body with BOM", w => Recode(endpoint, w, Encoding.UTF32, bom: true));
            Add(corpus, endpoint, "two UTF-8 BOMs", w => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. endpoint.Frame(endpoint.Json(w))]);
            Add(corpus, endpoint, "UTF-8 BOM inside the body", w => Insert(endpoint.Frame(endpoint.Json(w)), 1, [0xEF, 0xBB, 0xBF]));
            Add(corpus, endpoint, "UTF-16 BOM before UTF-8 JSON", w => [0xFF, 0xFE, .. endpoint.Frame(endpoint.Json(w))]);
        }
    }

    private static void Add(HostileCorpus corpus, BodyEndpoint endpoint, string what, Func<string, byte[]> body)
    {
        var witness = corpus.NextWitness();
        corpus.Add($"{endpoint.Name}: {what}", RawHttp.Request(endpoint.Method, endpoint.Path(witness), endpoint.ContentType, body(witness)), endpoint.BodyProblem, BodyEndpoint.Witnesses(witness));
    }

    private static byte[] Quoted(string text, byte[] bytes) => [(byte)'"', .. Encoding.UTF8.GetBytes(text), .. bytes, (byte)'"'];

    private static byte[] Insert(byte[] body, int at, byte[] bytes) => [.. body[..at], .. bytes, .. body[at..]];

    private static byte[] Recode(BodyEndpoint endpoint, string witness, Encoding encoding, bool bom) =>
        [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(Encoding.UTF8.GetString(endpoint.Frame(endpoint.Json(witness))))];
}
