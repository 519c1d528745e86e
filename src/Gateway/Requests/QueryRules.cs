using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using EnergyActors.Gateway.Analytics;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Ingestion;
using EnergyActors.Grains.Abstractions;

namespace EnergyActors.Gateway.Requests;

/// <summary>
/// A query bundle whose ids (in its path, or a paging cursor) are judged before its other parameters: while one is
/// wrong, that id alone is answered. A path id is answered by the group's filter, which runs after the framework's
/// validation, so the bundle's own rules must stand back for it.
/// </summary>
public interface IIdFirstQuery
{
    /// <summary>The parameter name of the first wrong id; null when every id is valid.</summary>
    string? FirstInvalidId { get; }
}

/// <summary>
/// A rule for one query parameter, checked by the framework's validation (<c>AddValidation</c>) before the handler
/// runs. Query parameters are bound as text, so that a value the framework could not convert is still answered by
/// the rule, naming the parameter, instead of the binder's bare 400. Left out, a parameter takes its default.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public abstract class QueryRuleAttribute : ValidationAttribute
{
    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        // The parameter's name as the client wrote it, which the answer's errors are keyed and worded by.
        var field = JsonNamingPolicy.CamelCase.ConvertName(validationContext.MemberName ?? validationContext.DisplayName);
        if (value is not string text || validationContext.ObjectInstance is IIdFirstQuery { FirstInvalidId: { } id } && id != field)
        {
            return ValidationResult.Success;
        }

        return Problem(text, field, validationContext) is { } message ? new ValidationResult(message) : ValidationResult.Success;
    }

    /// <summary>Why <paramref name="value"/> breaks the rule, worded for <paramref name="field"/>; null when it keeps it.</summary>
    protected abstract string? Problem(string value, string field, ValidationContext context);
}

/// <summary>A device or site id: 1 to 64 characters of [A-Za-z0-9._:-].</summary>
public sealed class DeviceIdTextAttribute : QueryRuleAttribute
{
    protected override string? Problem(string value, string field, ValidationContext context) =>
        DeviceId.IsValid(value) ? null : Problems.InvalidIdError(field).Message;
}

/// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, in ASCII digits only.</summary>
public sealed class WholeNumberAttribute(int min, int max) : QueryRuleAttribute
{
    public int Min => min;

    public int Max => max;

    /// <summary>The number in <paramref name="text"/> when it keeps the rule.</summary>
    public static bool TryParse(string text, int min, int max, out int value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        // Digits only: int.TryParse, even with NumberStyles.None, lets trailing NUL characters through.
        return text.Length > 0 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    protected override string? Problem(string value, string field, ValidationContext context) =>
        TryParse(value, min, max, out _) ? null : $"'{field}' must be a whole number from {min} to {max}.";
}

/// <summary>true or false, in any letter case.</summary>
public sealed class TrueOrFalseAttribute : QueryRuleAttribute
{
    /// <summary>Not bool.TryParse: it also takes "true" followed by NUL characters or white space.</summary>
    public static bool? Parse(string? text) =>
        text is null ? null
        : text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
        : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    protected override string? Problem(string value, string field, ValidationContext context) =>
        Parse(value) is null ? $"'{field}' must be true or false." : null;
}

/// <summary>One of the contract's health verdicts (HEALTHY, WARNING, CRITICAL, ANOMALY, NO_DATA), in any letter case.</summary>
public sealed class HealthStatusNameAttribute : QueryRuleAttribute
{
    protected override string? Problem(string value, string field, ValidationContext context) =>
        HealthStatusNames.TryParse(value, out _) ? null : $"'{field}' must be one of HEALTHY, WARNING, CRITICAL, ANOMALY, NO_DATA.";
}

/// <summary>One of <paramref name="values"/>, exactly as written.</summary>
public sealed class OneOfAttribute(params string[] values) : QueryRuleAttribute
{
    public IReadOnlyList<string> Values => values;

    protected override string? Problem(string value, string field, ValidationContext context) =>
        values.Contains(value, StringComparer.Ordinal) ? null : $"'{field}' must be {string.Join(", ", values[..^1])} or {values[^1]}.";
}

/// <summary>An RFC 3339 timestamp with an offset, within the range every timestamp of the API keeps.</summary>
public sealed class Rfc3339Attribute : QueryRuleAttribute
{
    protected override string? Problem(string value, string field, ValidationContext context) => TimestampField.Problem(value, field, out _);
}

/// <summary>
/// A timestamp before the one in <paramref name="otherProperty"/> (now, when that is left out or not a timestamp). A
/// timestamp that is malformed itself is left to <see cref="Rfc3339Attribute"/>.
/// </summary>
public sealed class BeforeAttribute(string otherProperty) : QueryRuleAttribute
{
    protected override string? Problem(string value, string field, ValidationContext context)
    {
        if (TimestampField.Problem(value, field, out var start) is not null)
        {
            return null;
        }

        var otherField = JsonNamingPolicy.CamelCase.ConvertName(otherProperty);
        var other = context.ObjectType.GetProperty(otherProperty)?.GetValue(context.ObjectInstance) as string;
        var end = TimestampField.Problem(other, otherField, out var given) is null
            ? given
            : (context.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).GetUtcNow();
        return start >= end ? $"'{field}' must be before '{otherField}'." : null;
    }
}

/// <summary>Gives the framework validation's 400 the contract's shape: the same title and detail as every other 400, errors keyed by parameter name.</summary>
public static class QueryProblems
{
    private static readonly string FrameworkTitle = new HttpValidationProblemDetails().Title!;

    /// <summary>For <see cref="ProblemDetailsOptions.CustomizeProblemDetails"/>; other problems pass unchanged.</summary>
    public static void Reshape(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Only the framework's validation leaves its own title: the gateway's 400s are built by ValidationResults.
        if (context.ProblemDetails is not HttpValidationProblemDetails problem || problem.Title != FrameworkTitle)
        {
            return;
        }

        problem.Title = ValidationResults.Title;
        problem.Detail = ValidationResults.Detail;
        // It keys errors by property name (DeviceId); the contract by the parameter's (deviceId).
        var errors = problem.Errors.ToList();
        problem.Errors.Clear();
        foreach (var (key, messages) in errors)
        {
            problem.Errors[JsonNamingPolicy.CamelCase.ConvertName(key)] = messages;
        }
    }
}
