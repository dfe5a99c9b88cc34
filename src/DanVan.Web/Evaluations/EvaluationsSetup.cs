using DanVan.Evaluations;
using DanVan.Web.Api;
using DanVan.Web.Api.Evaluations;
using DanVan.Web.Api.Periods;
using DanVan.Web.Api.Results;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;

namespace DanVan.Web.Evaluations;

/// <summary>The evaluation cycle in the web host: periods, assessments, evidence, results, the dashboard and their API.</summary>
public static class EvaluationsSetup
{
    /// <summary>Registers the evidence store, upload limits, who may open the cycle's pages, and the API's descriptions.</summary>
    public static WebApplicationBuilder AddEvaluations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<EvidenceStore>();
        // Evidence is refused above 10 MB with a message; the form limit leaves room to read and refuse it.
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 3 * EvidenceFiles.MaxBytes);
        services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Periods", Policies.OpenPeriod);
            o.Conventions.AuthorizeFolder("/Dashboard", Policies.Monitor);
            o.Conventions.AuthorizePage("/Evaluations/Queue", Policies.Monitor);
        });
        services.Configure<OpenApiOptions>(ApiSetup.Version, o =>
        {
            o.AddOperationTransformer(EvidenceApi.DescribeUpload);
            o.AddOperationTransformer(AssessmentsApi.DescribeVersioning);
        });
        return builder;
    }

    /// <summary>Maps /api/v1 periods, assessments, evidence and results.</summary>
    public static RouteGroupBuilder MapEvaluationsApi(this RouteGroupBuilder api)
    {
        api.MapPeriodsApi();
        api.MapAssessmentsApi();
        api.MapCouncilApi();
        api.MapEvidenceApi();
        api.MapReconsiderationsApi();
        api.MapDocumentsApi();
        api.MapResultsApi();
        return api;
    }
}
