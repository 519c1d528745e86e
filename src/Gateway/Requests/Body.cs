using System.Reflection;
using System.Text.Json;
using EnergyActors.Gateway.Contracts;
using EnergyActors.Gateway.Ingestion;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace EnergyActors.Gateway.Requests;

/// <summary>
/// A request contract read from a JSON object field by field. The framework's JSON binder cannot be used for these
/// bodies: it fails a whole body on the first wrong type, where the contract's 400 names every wrong field (a string
/// where a number belongs, a lone surrogate in a name, a duplicate property), and it takes numbers written as strings.
/// </summary>
public interface IBodyContract<TSelf>
    where TSelf : class
{
    /// <summary>A short valid body, quoted in the 400 for a body that is not a JSON object.</summary>
    static abstract string Example { get; }

    /// <summary>The contract, or null after adding to <paramref name="errors"/> every field that breaks it.</summary>
    static abstract TSelf? Read(JsonElement body, List<FieldError> errors, IServiceProvider services);
}

/// <summary>A bound body: its field errors, which the group's request rules answer before the handler runs.</summary>
public interface IRequestBody
{
    IReadOnlyList<FieldError> Errors { get; }
}

/// <summary>
/// A handler parameter taking a <typeparamref name="T"/> from the JSON body (bound by the framework through
/// <see cref="IBindableFromHttpContext{TSelf}"/>); it declares that the endpoint accepts <c>application/json</c> with that schema.
/// </summary>
public sealed class Body<T> : IRequestBody, IBindableFromHttpContext<Body<T>>, IEndpointParameterMetadataProvider
    where T : class, IBodyContract<T>
{
    private static readonly Body<T> Unread = new(null, []);
    private readonly T? _value;

    private readonly IReadOnlyList<FieldError> _errors;

    private Body(T? value, IReadOnlyList<FieldError> errors)
    {
        _value = value;
        _errors = errors;
    }

    /// <summary>The valid contract. Null only when the body had errors (or was not read): the request rules answer those, and the handler never runs.</summary>
    public T Value => _value!;

    // Not a public property: the framework's validation walks public properties, and there is nothing for it here.
    IReadOnlyList<FieldError> IRequestBody.Errors => _errors;

    static async ValueTask<Body<T>?> IBindableFromHttpContext<Body<T>>.BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A wrong id in the path is answered without reading a body, however large or slow.
        if (PathIds.FirstInvalid(context) is not null)
        {
            return Unread;
        }

        var (document, error) = await JsonBody.ReadObjectAsync(context.Request, T.Example, context.RequestAborted);
        using (document)
        {
            if (error is { } malformed)
            {
                return new Body<T>(null, [malformed]);
            }

            var errors = new List<FieldError>();
            var value = T.Read(document!.RootElement, errors, context.RequestServices);
            return errors.Count > 0
                ? new Body<T>(null, errors)
                : new Body<T>(value ?? throw new InvalidOperationException($"{typeof(T).Name}.Read returned no value and no error."), []);
        }
    }

    static void IEndpointParameterMetadataProvider.PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new JsonBodyMetadata(typeof(T)));
        foreach (var problem in BodyProblems.Metadata)
        {
            builder.Metadata.Add(problem);
        }
    }

    private sealed class JsonBodyMetadata(Type requestType) : IAcceptsMetadata
    {
        public IReadOnlyList<string> ContentTypes { get; } = ["application/json"];

        public Type? RequestType => requestType;

        public bool IsOptional => false;
    }
}

/// <summary>What any endpoint taking a body can be answered besides its own statuses: a body too slow, too large, or of the wrong type.</summary>
public static class BodyProblems
{
    public static IReadOnlyList<ProducesResponseTypeMetadata> Metadata { get; } =
    [
        .. new[] { StatusCodes.Status408RequestTimeout, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType }
            .Select(status => new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"])),
    ];

    public static TBuilder ProducesBodyProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata([.. Metadata]);
}
