using EnergyActors.Gateway.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EnergyActors.Gateway.OpenApi;

/// <summary>
/// The Bearer scheme in the OpenAPI document, and on every operation that needs a key (all but those marked
/// AllowAnonymous, since the fallback policy closes whatever names no policy), so clients and the /api page offer it.
/// </summary>
public static class SecurityDocumentation
{
    public const string SchemeName = "Bearer";

    public static void DeclareScheme(OpenApiDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "ea_<keyId>_<secret>",
            Description = "An API key, sent as 'Authorization: Bearer <key>'. Device keys may only ingest into their fleet; operator keys use "
                + "everything under /v1 for their fleet; admin keys act for every fleet (or the one named by ?fleetId=) and manage /v1/admin.",
        };
    }

    public static void RequireKey(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }];
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == AccessPolicies.Administer))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = FleetScopeMiddleware.FleetIdParameter,
            In = ParameterLocation.Query,
            Description = "Admin keys only: act for this fleet; left out, an admin acts for every fleet. Other keys always act for their own fleet.",
            Schema = GatewayOpenApi.IdSchema(),
        });
    }
}
