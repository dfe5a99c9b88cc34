using DanVan.Web.Api;
using DanVan.Web.Api.Statistics;
using Microsoft.AspNetCore.OpenApi;

namespace DanVan.Web.Statistics;

/// <summary>Statistics forms in the web host: their API routes and what their pages need.</summary>
public static class StatisticsSetup
{
    /// <summary>Registers what statistics forms need in the web host (their permissions are in the core's catalogue).</summary>
    public static WebApplicationBuilder AddStatistics(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OpenApiOptions>(ApiSetup.Version, o => o.AddOperationTransformer(FormReportsApi.DescribeVersioning));
        return builder;
    }

    /// <summary>Maps the statistics API under /api/v1: forms, their periods, units' reports and aggregates.</summary>
    public static RouteGroupBuilder MapStatisticsApi(this RouteGroupBuilder api)
    {
        api.MapFormsApi();
        api.MapFormPeriodsApi();
        api.MapFormReportsApi();
        api.MapFormFilesApi();
        return api;
    }
}
