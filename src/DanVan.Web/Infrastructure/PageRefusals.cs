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

    /// <summary>ViewData key of a <c>Func&lt;Where, string?&gt;</c> giving the id of the field a refusal links to from the summary.</summary>
    public const string AnchorKey = "DanVan.RefusalAnchor";

    /// <summary>ViewData key of a <c>Func&lt;Where, string?&gt;</c> naming a refusal's place in the page's own words (an indicator's name).</summary>
    public const string PlaceKey = "DanVan.RefusalPlace";

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

    /// <summary>Runs a core step; its refusals are shown (see <see cref="Show(PageModel, IEnumerable{Refusal}, Func{Where, string?}?)"/>) and false returned.</summary>
    public static bool TryRun(this PageModel page, Action step, Func<Where, string?>? fieldKey = null)
    {
        try
        {
            step();
            return true;
        }
        catch (RefusedException ex)
        {
            page.Show(ex.Refusals, fieldKey);
            return false;
        }
    }

    /// <summary>As <see cref="TryRun"/>, for an asynchronous core step.</summary>
    public static async Task<bool> TryRunAsync(this PageModel page, Func<Task> step, Func<Where, string?>? fieldKey = null)
    {
        try
        {
            await step();
            return true;
        }
        catch (RefusedException ex)
        {
            page.Show(ex.Refusals, fieldKey);
            return false;
        }
    }

    /// <summary>Saves once; a save that lost a race with someone else's (version check or first write of the same row) shows <c>assessment.staleVersion</c> and returns false.</summary>
    public static async Task<bool> TrySaveAsync(this PageModel page, DanVan.Data.DanVanDbContext db, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (DanVan.Evaluations.SaveConflicts.IsLostRace(ex))
        {
            page.Show([DanVan.Evaluations.AssessmentWorkflow.StaleVersion(null, null)]);
            return false;
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
