using DanVan.Refusals;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DanVan.Web.Pages.Admin.Accounts;

/// <summary>Shows the core's account refusals in Vietnamese next to the form fields they point at.</summary>
public static class AccountRefusals
{
    /// <summary>Adds each refusal to the field named by its place (prefixed, e.g. "Data.Password"), or to the summary.</summary>
    public static void Add(ModelStateDictionary modelState, RefusedException refused, string prefix, IReadOnlyDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(refused);
        foreach (var r in refused.Refusals)
        {
            var field = r.Where.Field is { Length: > 0 } f
                ? fields?.GetValueOrDefault(f) ?? $"{prefix}.{char.ToUpperInvariant(f[0])}{f[1..]}"
                : "";
            modelState.AddModelError(field, RefusalText.Render(r, RefusalText.Vietnamese));
        }
    }
}
