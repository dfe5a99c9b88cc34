using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;

namespace DanVan.Web.Api;

/// <summary>The REST API under /api/v1: what its routes share; each capability maps its own (MapXApi).</summary>
public static class ApiSetup
{
    /// <summary>The API's one version and OpenAPI document name.</summary>
    public const string Version = "v1";

    /// <summary>Registers problem+json, JSON options and the OpenAPI document; each capability adds its own routes and descriptions.</summary>
    public static WebApplicationBuilder AddDanVanApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddOpenApi(Version);
        // Unreadable input reaches ApiExceptionHandler, which names where it is, instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are numbers: "25" for points is refused rather than guessed.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // Vietnamese text is written as characters, not as \u escapes.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.Configure<OpenApiOptions>(Version, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "DanVan API",
                    Version = Version,
                    Description = "The annual evaluation of công tác dân vận chính quyền: periods, assessments, entries, evidence, "
                        + "appraisal, approval and results. Authenticate with a personal access token (Authorization: Bearer dv_...) "
                        + "or the browser's sign-in cookie plus the antiforgery header for writes. Errors are application/problem+json. "
                        + "See docs/api.md.",
                };
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["bearer"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        BearerFormat = "dv_ personal access token",
                        Description = "A personal access token created at /Account/Tokens or POST /api/v1/tokens.",
                    },
                    ["cookie"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Cookie,
                        Name = "danvan.auth",
                        Description = "The browser's sign-in cookie; POST, PUT and DELETE also need the RequestVerificationToken header (GET /api/v1/session).",
                    },
                };
                document.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", document)] = [] },
                ];
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>Maps the OpenAPI document and the /api/v1 group every capability maps its routes into: authenticated,
    /// CSRF-checked for cookie writes, 401 described once.</summary>
    public static RouteGroupBuilder MapDanVanApi(this WebApplication app)
    {
        // The API description is public, as it has always been; every data route declares its permission action.
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        return app.MapGroup("/api/" + Version)
            .RequireAuthorization(ApiAuthentication.Policy)
            .AddEndpointFilter<CookieAntiforgeryFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
