using System.Text;
using EnergyActors.Gateway.RateLimits;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace EnergyActors.Gateway.Access;

/// <summary>Keys, callers and what each may call: the services, and where they sit in the request pipeline.</summary>
public static class AccessSetup
{
    /// <summary>Registers after the Orleans client, so the first admin key is settled once the cluster can be called.</summary>
    public static WebApplicationBuilder AddGatewayAccess(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Kestrel refuses a header value that is not ASCII with a bare 400 before any handler runs. An Authorization value
        // is read byte for byte instead (each byte one character, so nothing fails to decode), and a key with such
        // characters is then refused like any other unknown key: 401 with the Bearer challenge.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.RequestHeaderEncodingSelector =
            name => name.Equals(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase) ? Encoding.Latin1 : null);
        builder.Services.AddOptions<AccessOptions>().Bind(builder.Configuration.GetSection(AccessOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddSingleton<CallerVerifier>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        builder.Services.AddAuthorizationBuilder().AddAccessPolicies();
        builder.Services.AddHostedService<FirstAdminKey>();
        builder.Services.AddHostedService<AnonymousLoopbackGuard>();
        builder.Services.AddKeyRateLimits(builder.Configuration);
        return builder;
    }

    /// <summary>Who calls (authentication), whether they may (authorization), the record of their changes, how fast (rate limits), then which fleet their grain calls act for.</summary>
    public static IApplicationBuilder UseGatewayAccess(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAuditTrail();
        app.UseKeyRateLimits();
        return app.UseFleetScope();
    }
}
