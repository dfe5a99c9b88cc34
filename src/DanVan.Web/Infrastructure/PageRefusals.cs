using DanVan.Refusals;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace DanVan.Web.Infrastructure;

/// <summary>Shows the core's refusals on a page, in Vietnamese: at their field and in the summary at the top.</summary>
/// <remarks>The layout renders the summary (<c>#refusals</c>, one item per refusal with its code in <c>data-code</c>),
/// so every page words refusals the same way and tests read the code the core gave.</remarks>
public static class PageRefusals
{
    private const string Key = "DanVan.Refusals";

    /// <summary>Adds the refusals: to ModelState under the key <paramref name="fieldKey"/> gives for their location
    /// (when it gives one), and to the page's summary.</summary>
    public static void Show(this PageModel page, IEnumerable<Refusal> refusals, Func<Where, string?>? fieldKey = null) =>
        Show(page.ModelState, page.ViewData, refusals, fieldKey);

    /// <summary>As <see cref="Show(PageModel, IEnumerable{Refusal}, Func{Where, string?}?)"/>, for callers holding the dictionaries.</summary>
    public static void Show(ModelStateDictionary modelState, ViewDataDictionary viewData, IEnumerable<Refusal> refusals, Func<Where, string?>? fieldKey = null)
    {
        var shown = Shown(viewData);
        foreach (var r in refusals)
        {
            var text = RefusalText.Render(r, RefusalText.Vietnamese);
            if (fieldKey?.Invoke(r.Where) is { } key) modelState.AddModelError(key, text);
            else if (modelState.IsValid) modelState.AddModelError("", text); // keeps the page in its "not saved" state
            shown.Add(r);
        }
    }

    /// <summary>The refusals shown on this page so far (the layout reads them).</summary>
    public static List<Refusal> Shown(ViewDataDictionary viewData)
    {
        if (viewData[Key] is List<Refusal> list) return list;
        list = [];
        viewData[Key] = list;
        return list;
    }
}
