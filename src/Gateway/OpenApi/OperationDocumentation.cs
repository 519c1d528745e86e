using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace EnergyActors.Gateway.OpenApi;

/// <summary>What one endpoint adds to its operation in the OpenAPI document, beside what the framework infers.</summary>
public static class OperationDocumentation
{
    /// <summary>
    /// Examples of the request body (written as a client would: fields left out rather than null) and of the success
    /// answer, serialized with the API's own options.
    /// </summary>
    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder builder, object? response, object? request = null)
    {
        JsonSerializerOptions? asSent = null;
        return builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var options = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            if (request is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
            {
                asSent ??= new JsonSerializerOptions(options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
                body.Example = JsonSerializer.SerializeToNode(request, request.GetType(), asSent);
            }

            if (response is not null
                && operation.Responses?.FirstOrDefault(r => r.Key.StartsWith('2')).Value?.Content?.TryGetValue("application/json", out var answer) == true)
            {
                answer.Example = JsonSerializer.SerializeToNode(response, response.GetType(), options);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>For an operation with no input and no answer body (a 204): the problem it answers when refused.</summary>
    public static RouteHandlerBuilder WithRefusalExample(this RouteHandlerBuilder builder, int status, string title, string detail) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var refused) == true
                && refused.Content?.TryGetValue("application/problem+json", out var problem) == true)
            {
                problem.Example = new JsonObject { ["title"] = title, ["status"] = status, ["detail"] = detail };
            }

            return Task.CompletedTask;
        });

    /// <summary>An event stream's answer: text, events separated by blank lines, each an event type and its JSON.</summary>
    public static RouteHandlerBuilder WithEventStreamExample(this RouteHandlerBuilder builder, string example) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("text/event-stream", out var stream) == true)
            {
                stream.Example = JsonValue.Create(example);
            }

            return Task.CompletedTask;
        });

    /// <summary>An NDJSON body is text, one reading a line, not the JSON array its endpoint also takes.</summary>
    public static RouteHandlerBuilder WithNdjsonBody(this RouteHandlerBuilder builder, IReadOnlyList<string> mediaTypes, object example) =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var options = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var lines = ((IEnumerable<object>)example).Select(item => JsonSerializer.Serialize(item, example.GetType().GetElementType()!, options) + "\n");
            foreach (var mediaType in mediaTypes)
            {
                if (operation.RequestBody?.Content?.TryGetValue(mediaType, out var content) == true)
                {
                    content.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Description = "One reading a line, each a JSON object as an item of the JSON array; a line that is not valid is rejected by its index.",
                    };
                    content.Example = JsonValue.Create(string.Concat(lines));
                }
            }

            return Task.CompletedTask;
        });

    /// <summary>A 200 that is one of several arrays, depending on a query parameter (the framework documents only the last).</summary>
    public static RouteHandlerBuilder WithOneOfArrays(this RouteHandlerBuilder builder, params Type[] itemTypes) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) != true || ok!.Content?.TryGetValue("application/json", out var content) != true)
            {
                return;
            }

            var schema = new OpenApiSchema { OneOf = [] };
            foreach (var type in itemTypes)
            {
                var item = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
                var document = context.Document!;
                document.Components ??= new OpenApiComponents();
                document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
                document.Components.Schemas.TryAdd(type.Name, item);
                schema.OneOf.Add(new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(type.Name, document) });
            }

            content!.Schema = schema;
        });
}
