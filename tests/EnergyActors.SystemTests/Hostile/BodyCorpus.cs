namespace EnergyActors.Tests.Hostile;

/// <summary>
/// Field-level hostile values in every body: control characters and lone surrogates in every string field, numbers
/// past every bound (and the ones a double cannot hold), wrong JSON types, deep nesting, duplicate properties, and
/// timestamps outside 1970–2200 or with a leap second that never was.
/// </summary>
public static class BodyCorpus
{
    private static readonly string[] Controls = [@"\u0000", @"\u0007", @"\u001b", @"\u007f", @"\u009b"];
    private static readonly string[] Surrogates = [@"\ud800", @"\udfff", @"\udc00\ud800", @"\ud83d"];

    private static readonly string[] Timestamps =
    [
        "0001-01-01T00:00:00Z", "1969-12-31T23:59:59.9999999Z", "1970-01-01T00:00:00+00:01", "2200-01-01T00:00:00Z", "9999-12-31T23:59:59-14:00",
        "0000-01-01T00:00:00Z", "2026-01-31T23:59:60Z", "2016-12-31T23:59:60+01:00", "2016-12-31T12:59:60Z", "2015-12-31T23:59:60Z",
    ];

    private static readonly Dictionary<string, (string Field, string Literal, string? Key)[]> Numbers = new()
    {
        ["meter"] =
        [
            ("kwhConsumedAc", "2e9", null), ("kwhConsumedAc", "100000.000001", null), ("kwhConsumedAc", "1e308", null), ("kwhConsumedAc", "-1e308", null),
            ("kwhConsumedAc", "1e400", null), ("kwhConsumedAc", "-5e-324", null), ("kwhConsumedAc", "\"1\"", null), ("kwhConsumedAc", "true", null),
            ("kwhConsumedAc", "[]", null), ("kwhConsumedAc", "{}", null), ("kwhConsumedAc", "null", null), ("voltage", "2000.0001", null),
            ("voltage", "-0.001", null), ("voltage", "-1e400", null),
        ],
        ["vehicle"] =
        [
            ("kwhDeliveredDc", "2e9", null), ("kwhDeliveredDc", "1e308", null), ("kwhDeliveredDc", "-1e-9", null), ("soc", "100.0000001", null),
            ("soc", "-5e-324", null), ("soc", "1e308", null), ("batteryTemp", "150.001", null), ("batteryTemp", "-50.001", null),
            ("batteryTemp", "-1e308", null), ("batteryTemp", "\"25\"", null),
        ],
        ["site reading"] =
        [
            ("solarKw", "1000000.001", null), ("solarKw", "-1", null), ("batteryKw", "-1000000.001", null), ("batteryKw", "1e400", null),
            ("unservedKw", "-1", null), ("intervalMinutes", "0", null), ("intervalMinutes", "-0", null), ("intervalMinutes", "61", null),
            ("intervalMinutes", "1e308", null), ("battery.soc", "100.01", null), ("battery.cycleCount", "1e308", null),
            ("inverter.efficiency", "1.0001", null), ("weather.irradianceWm2", "2000.1", null), ("weather.temperatureC", "-90.1", null),
            ("battery", "[]", null), ("weather", "\"sunny\"", null),
        ],
        ["batch meter"] = [("kwhConsumedAc", "2e9", null), ("kwhConsumedAc", "1e400", null), ("voltage", "\"230\"", null)],
        ["batch site"] = [("batteryKw", "1e308", null), ("inverter.acKw", "-1e400", null)],
        ["ndjson vehicle"] = [("kwhDeliveredDc", "2e9", null), ("soc", "1e400", null)],
        ["site create"] =
        [
            ("latitude", "90.0001", null), ("latitude", "-1e308", null), ("latitude", "1e400", null), ("longitude", "180.0001", null),
            ("longitude", "\"13.4\"", null), ("batteryCapacityKwh", "0", null), ("batteryCapacityKwh", "-0", null), ("batteryCapacityKwh", "5e-324", null),
            ("batteryCapacityKwh", "0.0009", null), ("batteryCapacityKwh", "1000000.1", null), ("batteryCapacityKwh", "1e308", null),
            ("batteryMaxPowerKw", "5e-324", null), ("batteryMaxPowerKw", "1e400", null), ("batteryMaxPowerKw", "-1", null),
            ("inverterCapacityKw", "5e-324", null), ("inverterCapacityKw", "1000000.1", null), ("solarCapacityKw", "-1", null),
            ("solarCapacityKw", "1e308", null), ("intervalMinutes", "0", null), ("intervalMinutes", "-0", null), ("intervalMinutes", "61", null),
            ("intervalMinutes", "1.5", null), ("intervalMinutes", "5e-324", null), ("seed", "1e308", null), ("seed", "1.5", null),
            ("seed", "\"7\"", null), ("simulate", "\"yes\"", null), ("type", "\"Residential\"", null), ("timeZone", "\"../../etc/passwd\"", null),
            ("timeZone", "\"Mars/Olympus\"", null), ("name", "\"   \"", null), ("name", $"\"{new string('n', 201)}\"", null),
            ("seed", Profile("1e-310"), "loadProfile.weekday"), ("seed", Profile("1e308"), "loadProfile.weekday"),
            ("seed", Profile("-1"), "loadProfile.weekday"), ("seed", "7,\"loadProfile\":{\"weekday\":[1],\"weekend\":[]}", "loadProfile.weekday"),
        ],
        ["site patch"] =
        [
            ("intervalMinutes", "0", null), ("intervalMinutes", "-0", null), ("intervalMinutes", "1e400", null), ("batteryMaxPowerKw", "5e-324", null),
            ("batteryMaxPowerKw", "0", null), ("inverterCapacityKw", "0.0001", null), ("solarCapacityKw", "-0.1", null), ("solarCapacityKw", "1e308", null),
            ("running", "\"yes\"", null), ("running", "1", null), ("inverterCapacityKw", "5," + "\"latitude\":1", "latitude"),
            ("inverterCapacityKw", "5," + "\"loadProfile\":[]", "loadProfile"), ("inverterCapacityKw", "5," + Profile("5e-324")[2..], "loadProfile.weekday"),
        ],
        ["site replay"] = [("from", "20260101", null), ("to", "true", null), ("to", "\"2200-01-01T00:00:00Z\"", null), ("to", "\"2016-12-31T23:59:60+01:00\"", null)],
        ["site outage"] =
        [
            ("minutes", "0", null), ("minutes", "-0", null), ("minutes", "5e-324", null), ("minutes", "1e308", null), ("minutes", "-1", null),
            ("minutes", "10081", null), ("minutes", "1.5", null), ("minutes", "\"60\"", null), ("minutes", "null", null), ("minutes", "true", null),
            ("minutes", "1e400", null),
        ],
        ["meter link"] = [("meterId", "7", null), ("meterId", "{}", null), ("meterId", "\".\"", null), ("meterId", "\"..\"", null), ("meterId", "null", null)],
    };

    public static void AddTo(HostileCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        foreach (var endpoint in corpus.Endpoints)
        {
            foreach (var field in endpoint.TextFields)
            {
                var valid = endpoint.Fields("x").Single(f => f.Field == field).Literal.Trim('"');
                foreach (var escape in Controls)
                {
                    AddText(corpus, endpoint, "control character", field, valid, escape);
                }

                foreach (var escape in Surrogates)
                {
                    AddText(corpus, endpoint, "lone surrogate", field, valid, escape);
                }
            }

            foreach (var (field, literal, key) in Numbers.GetValueOrDefault(endpoint.Name, []))
            {
                corpus.AddField(endpoint, "out of bounds or wrong type", field, literal, key);
            }

            AddStructure(corpus, endpoint);
        }

        foreach (var name in new[] { "meter", "vehicle", "site reading", "batch meter", "ndjson vehicle", "site replay" })
        {
            var endpoint = HostileEndpoints.Named(corpus.Endpoints, name);
            var field = name == "site replay" ? "from" : "timestamp";
            foreach (var timestamp in Timestamps)
            {
                corpus.AddField(endpoint, "timestamp", field, $"\"{timestamp}\"");
            }
        }
    }

    /// <summary>The field's valid value (for ids, the case's own id) with the escape appended.</summary>
    private static void AddText(HostileCorpus corpus, BodyEndpoint endpoint, string category, string field, string valid, string escape)
    {
        var value = field is "meterId" or "vehicleId" or "siteId" ? "{w}" : valid;
        corpus.AddField(endpoint, category, field, $"\"{value}{escape}\"");
    }

    /// <summary>Wrong root types, nesting deeper than 16, duplicate properties (also when one is escaped).</summary>
    private static void AddStructure(HostileCorpus corpus, BodyEndpoint endpoint)
    {
        string[] roots = endpoint.Shape == BodyShape.JsonBatch ? ["{}", "42", "\"x\"", "null", "[42]", "[[]]", "[null]", "[]x"] : ["[]", "42", "\"x\"", "null", "true", "{}{}"];
        if (endpoint.Name != "batch site")
        {
            foreach (var root in roots)
            {
                var witness = corpus.NextWitness();
                var body = System.Text.Encoding.UTF8.GetBytes(endpoint.Shape == BodyShape.NdjsonBatch ? root + "\n" : root);
                corpus.Add($"{endpoint.Name}: body is {root}", RawHttp.Request(endpoint.Method, endpoint.Path(witness), endpoint.ContentType, body), endpoint.BodyProblem);
            }
        }

        var first = endpoint.Fields("x")[0].Field;
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 20)) + "1" + new string('}', 20);
        var deep = new string('[', 40) + new string(']', 40);
        AddRaw(corpus, endpoint, $"nesting 20 deep in {first}", w => endpoint.Frame(endpoint.Json(w, first, System.Text.Encoding.UTF8.GetBytes(nested))));
        AddRaw(corpus, endpoint, "nesting 40 deep as the body", _ => endpoint.Shape == BodyShape.NdjsonBatch ? [.. System.Text.Encoding.UTF8.GetBytes(deep), (byte)'\n'] : System.Text.Encoding.UTF8.GetBytes(deep));
        AddRaw(corpus, endpoint, $"duplicate {first}", w => endpoint.Frame(endpoint.Json(w, extraMembers: System.Text.Encoding.UTF8.GetBytes($"\"{first}\":{endpoint.Fields(w)[0].Literal}"))));
        var escaped = $"\\u{(int)first[0]:x4}{first[1..]}";
        AddRaw(corpus, endpoint, $"duplicate {first} spelled {escaped}", w => endpoint.Frame(endpoint.Json(w, extraMembers: System.Text.Encoding.UTF8.GetBytes($"\"{escaped}\":{endpoint.Fields(w)[0].Literal}"))));
    }

    private static void AddRaw(HostileCorpus corpus, BodyEndpoint endpoint, string what, Func<string, byte[]> body)
    {
        var witness = corpus.NextWitness();
        corpus.Add($"{endpoint.Name}: {what}", RawHttp.Request(endpoint.Method, endpoint.Path(witness), endpoint.ContentType, body(witness)), endpoint.BodyProblem, BodyEndpoint.Witnesses(witness));
    }

    private static string Profile(string weight)
    {
        var day = "[" + string.Join(',', Enumerable.Repeat(weight, 24)) + "]";
        return $"7,\"loadProfile\":{{\"weekday\":{day},\"weekend\":{day}}}";
    }
}
