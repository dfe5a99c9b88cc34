using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.OrgUnits;

/// <summary>Units and groups in the web host; their pages are under /Admin/Units and /Admin/Groups.</summary>
public static class OrgUnitsSetup
{
    /// <summary>Gates the unit and group pages by the capability's own action (<c>orgUnits.admin</c>) and bounds unit-list (and score-file) imports.</summary>
    /// <remarks>The setting <c>DanVan:Import:MaxRows</c> raises or lowers the row limit (default 20.000).</remarks>
    public static WebApplicationBuilder AddOrgUnits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin/Units", Policies.OrgUnitsAdmin);
            o.Conventions.AuthorizeFolder("/Admin/Groups", Policies.OrgUnitsAdmin);
        });
        builder.Services.AddSingleton(TableLimits.With(builder.Configuration["DanVan:Import:MaxRows"]));
        return builder;
    }
}
