using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using DanVan.Web.Api.Accounts;
using DanVan.Web.Api.Evaluations;
using DanVan.Web.Api.Periods;
using DanVan.Web.Api.Results;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;

namespace DanVan.Web.Api;

/// <summary>The REST API under /api/v1: registration and routes, called from WebSetup.</summary>
public static class ApiSetup
{
    /// <summary>The API's one version and OpenAPI document name.</summary>
    public const string Version = "v1";

    /// <summary>Registers API authentication (tokens), JSON options and the OpenAPI document's description.</summary>
    public static WebApplicationBuilder AddDanVanApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        ApiAuthentication.Add(services);
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
            o.AddOperationTransformer(EvidenceApi.DescribeUpload);
            o.AddOperationTransformer(AssessmentsApi.DescribeVersioning);
        });
        return builder;
    }

    /// <summary>Maps every /api/v1 route: authenticated, CSRF-checked for cookie writes, 401 described once.</summary>
    public static WebApplication MapDanVanApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiAuthentication.Policy)
            .AddEndpointFilter<CookieAntiforgeryFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPeriodsApi();
        api.MapAssessmentsApi();
        api.MapEvidenceApi();
        api.MapResultsApi();
        api.MapTokensApi();
        api.MapSessionApi();
        return app;
    }
}
