using System.Text.Json;
using EnergyActors.Gateway.Requests;
using EnergyActors.Grains.Abstractions.Alerts;

namespace EnergyActors.Gateway.Contracts;

/// <summary>
/// One rule as the API shows and takes it. <c>threshold</c> is per kind: the efficiency ratio below which
/// (EFFICIENCY_CRITICAL) or above which (EFFICIENCY_ANOMALY) a vehicle is judged, the SOC floor in %, the battery
/// temperature in °C, the unserved load in kW, or the minutes of silence (DEVICE_SILENT).
/// </summary>
public sealed record AlertRuleBody(
    string Kind,
    bool Enabled,
    string Severity,
    double Threshold,
    int HoldOffSeconds,
    int HoldOffReadings,
    int ClearSeconds,
    double MinAcKwh,
    int MinReadings)
{
    public static AlertRuleBody From(AlertRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(rule.Kind, rule.Enabled, rule.Severity, rule.Threshold, rule.HoldOffSeconds, rule.HoldOffReadings, rule.ClearSeconds, rule.MinAcKwh, rule.MinReadings);
    }

    public AlertRule ToRule() => new(Kind, Enabled, Severity, Threshold, HoldOffSeconds, HoldOffReadings, ClearSeconds, MinAcKwh, MinReadings);
}

/// <summary>A fleet's rules, one per kind; <c>updatedAt</c> is null while they are the defaults.</summary>
public sealed record AlertRulesResponse(IReadOnlyList<AlertRuleBody> Rules, DateTime? UpdatedAt)
{
    public static AlertRulesResponse From(AlertRuleSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new([.. set.Rules.Select(AlertRuleBody.From)], set.UpdatedAt?.UtcDateTime);
    }
}

/// <summary>
/// The body of PUT /v1/alert-rules: whole rules of the kinds to change (every field but <c>minAcKwh</c> and
/// <c>minReadings</c>, which only efficiency uses and default to 0); kinds left out keep their rule.
/// </summary>
public sealed record AlertRulesRequest(IReadOnlyList<AlertRuleBody> Rules) : IBodyContract<AlertRulesRequest>
{
    private const int MaxRules = 32;

    static string IBodyContract<AlertRulesRequest>.Example =>
        """{"rules": [{"kind": "EFFICIENCY_CRITICAL", "enabled": true, "severity": "critical", "threshold": 0.7, "holdOffSeconds": 300, "holdOffReadings": 3, "clearSeconds": 600}]}""";

    static AlertRulesRequest? IBodyContract<AlertRulesRequest>.Read(JsonElement body, List<FieldError> errors, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!body.TryGetProperty("rules", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > MaxRules)
        {
            errors.Add(new FieldError("rules", $"'rules' must be an array of 1 to {MaxRules} rules."));
            return null;
        }

        var rules = new List<AlertRuleBody>();
        var i = 0;
        foreach (var item in list.EnumerateArray())
        {
            var field = new RuleFields(item, $"rules[{i++}]", errors);
            var rule = new AlertRuleBody(
                field.Text("kind"),
                field.Flag("enabled"),
                field.Text("severity"),
                field.Number("threshold", required: true),
                field.Whole("holdOffSeconds", required: true),
                field.Whole("holdOffReadings", required: true),
                field.Whole("clearSeconds", required: true),
                field.Number("minAcKwh", required: false),
                field.Whole("minReadings", required: false));
            rules.Add(rule);
        }

        return errors.Count == 0 ? new AlertRulesRequest(rules) : null;
    }

    /// <summary>Reads one rule's fields, naming each wrong one as rules[i].field; ranges are the rule book's to judge.</summary>
    private readonly struct RuleFields(JsonElement item, string path, List<FieldError> errors)
    {
        public string Text(string name)
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString()!;
            }

            errors.Add(new FieldError($"{path}.{name}", $"'{name}' is required, a string."));
            return string.Empty;
        }

        public bool Flag(string name)
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            errors.Add(new FieldError($"{path}.{name}", $"'{name}' is required, true or false."));
            return false;
        }

        public double Number(string name, bool required)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    errors.Add(new FieldError($"{path}.{name}", $"'{name}' is required, a number."));
                }

                return 0;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
            {
                return number;
            }

            errors.Add(new FieldError($"{path}.{name}", $"'{name}' must be a number."));
            return 0;
        }

        public int Whole(string name, bool required)
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value))
            {
                if (required)
                {
                    errors.Add(new FieldError($"{path}.{name}", $"'{name}' is required, a whole number."));
                }

                return 0;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var whole))
            {
                return whole;
            }

            errors.Add(new FieldError($"{path}.{name}", $"'{name}' must be a whole number."));
            return 0;
        }
    }
}
