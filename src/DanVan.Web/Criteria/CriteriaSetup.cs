namespace DanVan.Web.Criteria;

/// <summary>Criteria sets in the web host; their pages are under /Admin (administrators only, see WebSetup).</summary>
public static class CriteriaSetup
{
    /// <summary>Registers what criteria sets need in the web host (nothing beyond the database yet).</summary>
    public static WebApplicationBuilder AddCriteria(this WebApplicationBuilder builder) => builder;
}
