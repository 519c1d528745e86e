using Microsoft.AspNetCore.Http.HttpResults;

namespace EnergyActors.Gateway.Ingestion;

/// <summary>Builds the contract's 400: ValidationProblemDetails whose <c>errors</c> are keyed by field.</summary>
public static class ValidationResults
{
    public static ValidationProblem From(IEnumerable<FieldError> errors)
    {
        var byField = errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(byField, detail: "One or more fields are invalid.", title: "Invalid reading");
    }

    public static ValidationProblem From(FieldError error) => From([error]);
}
