namespace DanVan.Web.OrgUnits;

/// <summary>Units and groups in the web host; their pages are under /Admin (administrators only, see WebSetup).</summary>
public static class OrgUnitsSetup
{
    /// <summary>Registers what units and groups need in the web host (nothing beyond the database yet).</summary>
    public static WebApplicationBuilder AddOrgUnits(this WebApplicationBuilder builder) => builder;
}
