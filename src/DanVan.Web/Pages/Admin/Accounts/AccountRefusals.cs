using DanVan.Refusals;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages.Admin.Accounts;

/// <summary>Shows the core's account refusals next to the form fields they point at (and in the page's summary).</summary>
public static class AccountRefusals
{
    /// <summary>Shows each refusal at the field named by its place (prefixed, e.g. "Data.Password", or as <paramref name="fields"/> maps it).</summary>
    public static void Add(PageModel page, RefusedException refused, string prefix, IReadOnlyDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(refused);
        page.Show(refused.Refusals, where => where.Field is { Length: > 0 } f
            ? fields?.GetValueOrDefault(f) ?? $"{prefix}.{char.ToUpperInvariant(f[0])}{f[1..]}"
            : null);
    }
}
