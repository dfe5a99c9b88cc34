namespace DanVan.Web.Reports;

/// <summary>Consolidated reports in the web host; their pages check the reader's scope themselves (ReportAccess).</summary>
public static class ReportsSetup
{
    /// <summary>Registers what reports need in the web host (nothing beyond the database yet).</summary>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder) => builder;
}
