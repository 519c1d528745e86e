using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using EnergyActors.Simulator.Shared;

namespace EnergyActors.Simulator.Commands;

/// <summary>The options every command shares, and the parsers and checks their values go through.</summary>
internal static class CliOptions
{
    public const int MaxDeviceIdLength = 64;

    public static Option<Uri> Gateway() => new("--gateway")
    {
        Description = "Base URL of the gateway.",
        HelpName = "url",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:5000"),
        CustomParser = ParseGateway,
    };

    /// <summary>The API key every request carries; read from an environment variable with env:NAME.</summary>
    public static Option<string?> Key() => new("--key")
    {
        Description = "API key, sent as 'Authorization: Bearer <key>'; env:NAME reads it from that variable (a key in the arguments shows in ps). "
            + "Not needed against a gateway in anonymous local mode.",
        HelpName = "key",
        CustomParser = ParseKey,
    };

    public static Option<string?> Json()
    {
        var json = new Option<string?>("--json") { Description = "Also write the result figures to this file as JSON.", HelpName = "path" };
        json.AcceptLegalFilePathsOnly();
        return json;
    }

    public static Option<long> Seed(string description) =>
        new("--seed") { Description = description, HelpName = "s", DefaultValueFactory = _ => 1 };

    /// <summary>A device-id prefix, short enough that <paramref name="longestSuffix"/> more characters still make a valid id.</summary>
    public static Option<string> Prefix(string description, int longestSuffix)
    {
        var prefix = new Option<string>("--prefix") { Description = description, DefaultValueFactory = _ => string.Empty };
        Require(prefix, p => IsValidPrefix(p ?? string.Empty, longestSuffix),
            $"--prefix may hold only [A-Za-z0-9._:-] and at most {MaxDeviceIdLength - longestSuffix} characters.");
        return prefix;
    }

    public static void Range<T>(Option<T> option, T minimum, T maximum)
        where T : IComparable<T> =>
        Require(option, value => value!.CompareTo(minimum) >= 0 && value.CompareTo(maximum) <= 0,
            string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be {minimum} to {maximum}."));

    /// <summary>Adds a check of the option's value; a value that did not parse is left to the parser's own error.</summary>
    public static void Require<T>(Option<T> option, Func<T?, bool> valid, string message)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(valid);
        option.Validators.Add(r =>
        {
            T? value;
            try
            {
                value = r.GetValue(option);
            }
            catch (InvalidOperationException)
            {
                // System.CommandLine throws here when the token did not convert ("--meters abc"); that error is already reported.
                return;
            }

            Check(r, valid(value), message);
        });
    }

    public static void Check(SymbolResult result, bool valid, string message)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!valid)
        {
            result.AddError(message);
        }
    }

    public static Uri? ParseGateway(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        result.AddError($"--gateway must be an absolute http:// or https:// URL, not '{text}'.");
        return null;
    }

    /// <summary>An RFC 3339 timestamp not later than now (the gateway rejects future readings), in UTC, to the whole second.</summary>
    public static DateTimeOffset? ParsePastTimestamp(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = OptionName(result);
        var text = result.Tokens[0].Value;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            result.AddError($"{name} must be a timestamp such as 2026-01-01T00:00:00Z, not '{text}'.");
            return null;
        }

        if (value >= DateTimeOffset.UtcNow)
        {
            result.AddError($"{name} must be in the past: the gateway rejects readings from the future.");
        }

        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>
    /// A connection string, or <c>env:NAME</c> to read it from an environment variable: a password on the
    /// command line is visible to every user in the process list.
    /// </summary>
    public static string? ParseConnection(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens[0].Value;
        if (!text.StartsWith("env:", StringComparison.Ordinal))
        {
            return text;
        }

        var value = Environment.GetEnvironmentVariable(text[4..]);
        if (string.IsNullOrEmpty(value))
        {
            result.AddError($"{OptionName(result)}: the environment variable {text[4..]} is not set.");
        }

        return value;
    }

    /// <summary>A key given as text or as env:NAME; it goes into a header, so visible ASCII only.</summary>
    public static string? ParseKey(ArgumentResult result)
    {
        var key = ParseConnection(result);
        if (key is not null && (key.Length == 0 || key.Any(c => c is <= ' ' or > '~')))
        {
            result.AddError("--key must be visible ASCII characters, without spaces.");
        }

        return key;
    }

    /// <summary>A span such as 60s, 5m, 1h30m, 500ms or 2d; a bare number is seconds.</summary>
    public static TimeSpan? ParseSpan(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens[0].Value;
        if (SpanText.TryParse(text, out var span))
        {
            return span;
        }

        result.AddError($"{OptionName(result)} must be a duration such as 60s, 5m, 1h30m or 500ms, not '{text}'.");
        return null;
    }

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : "value";

    private static bool IsValidPrefix(string prefix, int longestSuffix) =>
        prefix.Length <= MaxDeviceIdLength - longestSuffix
        && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}
