using EnergyActors.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Contracts;

/// <summary>One problem with one field of a request; <see cref="Field"/> is the JSON property name (nested ones dotted).</summary>
public readonly record struct FieldError(string Field, string Message);

/// <summary>Builds the contract's 400: ValidationProblemDetails whose <c>errors</c> are keyed by field.</summary>
public static class ValidationResults
{
    public const string Title = "Invalid reading";

    public const string Detail = "One or more fields are invalid.";

    public static ValidationProblem From(IEnumerable<FieldError> errors)
    {
        var byField = errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(byField, detail: Detail, title: Title);
    }

    public static ValidationProblem From(FieldError error) => From([error]);
}

/// <summary>The problem answers every endpoint group shares: a bad id (400 naming it) and an unknown resource (404).</summary>
public static class Problems
{
    public static ValidationProblem InvalidId(string field) => ValidationResults.From(InvalidIdError(field));

    public static FieldError InvalidIdError(string field) => new(field, $"'{field}' must be 1 to {DeviceId.MaxLength} characters from [A-Za-z0-9._:-].");

    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
