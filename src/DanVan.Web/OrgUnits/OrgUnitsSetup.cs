namespace DanVan.Web.OrgUnits;

/// <summary>Units and groups in the web host; their pages are under /Admin (administrators only, see WebSetup).</summary>
public static class OrgUnitsSetup
{
    /// <summary>Registers what units and groups need in the web host: the bounds of unit-list (and score-file) imports.</summary>
    /// <remarks>The setting <c>DanVan:Import:MaxRows</c> raises or lowers the row limit (default 20.000).</remarks>
    public static WebApplicationBuilder AddOrgUnits(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TableLimits.With(builder.Configuration["DanVan:Import:MaxRows"]));
        return builder;
    }
}
