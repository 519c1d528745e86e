using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Gateway.Ingestion;

/// <summary>
/// Text inside JSON that .NET cannot turn into a string. A lone surrogate escape ("\ud800") is valid JSON syntax, and
/// bytes that are not UTF-8 inside a string pass the parser too, but reading either (a value, a property name, a lookup
/// or duplicate check that has to unescape a name) throws InvalidOperationException. Every string is read through
/// here, so such input is the client's 400 naming the field instead of a 500.
/// </summary>
public static class JsonText
{
    /// <summary>The value of a JSON string; false when <paramref name="value"/> is not a string or has no UTF-16 form.</summary>
    public static bool TryGetString(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Free text that may be stored: a string without control characters or lone surrogates. Otherwise null, after
    /// adding <paramref name="expected"/> (not a string) or the text rule (not clean) under <paramref name="field"/>.
    /// </summary>
    public static string? Read(JsonElement value, string field, string expected, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new FieldError(field, expected));
            return null;
        }

        if (!TryGetString(value, out var text) || !TextRules.IsClean(text))
        {
            errors.Add(new FieldError(field, $"'{field}' must be text without control characters (such as NUL) or lone surrogates (such as \\ud800)."));
            return null;
        }

        return text;
    }

    /// <summary>An error for <paramref name="subject"/> when <paramref name="json"/> is not UTF-8, which the parser lets pass inside strings.</summary>
    public static FieldError? InvalidUtf8(ReadOnlySpan<byte> json, string subject) =>
        Utf8.IsValid(json) ? null : new FieldError(JsonBody.Field, $"{subject} is not valid UTF-8, which JSON text must be (RFC 8259).");

    /// <summary>
    /// An error when a property name in <paramref name="json"/> (parsed JSON) has no UTF-16 form. The parser's
    /// duplicate-property check throws InvalidOperationException on one; this tells that case from any other.
    /// </summary>
    public static FieldError? UnreadableName(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf((byte)'\\') < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonBody.DocumentOptions.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (InvalidOperationException)
        {
            return new FieldError(JsonBody.Field, "A property name holds a lone surrogate escape (such as \\ud800), which is not text.");
        }
        catch (JsonException)
        {
            // Not JSON after all: not this case.
        }

        return null;
    }
}
