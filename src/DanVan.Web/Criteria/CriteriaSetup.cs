using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Criteria;

/// <summary>Criteria sets in the web host; their pages are under /Admin/CriteriaSets.</summary>
public static class CriteriaSetup
{
    /// <summary>Gates the criteria pages by the capability's own action (<c>criteria.admin</c>).</summary>
    public static WebApplicationBuilder AddCriteria(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Admin/CriteriaSets", Policies.CriteriaAdmin));
        return builder;
    }
}
