using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.OrgUnits;

/// <summary>Units and groups in the web host; their pages are under /Admin/Units and /Admin/Groups.</summary>
public static class OrgUnitsSetup
{
    /// <summary>Gates the unit and group pages by the capability's own action (<c>orgUnits.admin</c>).</summary>
    public static WebApplicationBuilder AddOrgUnits(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Admin/Units", Policies.OrgUnitsAdmin);
            o.Conventions.AuthorizeFolder("/Admin/Groups", Policies.OrgUnitsAdmin);
        });
        return builder;
    }
}
