using System.Text;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.CriteriaSets;

/// <summary>Imports a criteria set file: check it (errors located by JSON path), preview the tree, then store and activate.</summary>
/// <remarks>The previewed JSON travels in the form, so nothing is kept on the server between the two steps.</remarks>
public sealed class Import(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    private const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>Refusals of a refused file (at most the first 200, then how many more), worded in Vietnamese by the page.</summary>
    public IReadOnlyList<DanVan.Refusals.Refusal> Errors { get; private set; } = [];

    /// <summary>The set previewed, when the file is valid.</summary>
    public CriteriaSet? Preview { get; private set; }

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>The uploaded file (first step).</summary>
        public IFormFile? File { get; set; }

        /// <summary>The previewed JSON (second step).</summary>
        public string? Json { get; set; }

        /// <summary>The file name, for located errors.</summary>
        public string? FileName { get; set; }

        /// <summary>Activate the stored version.</summary>
        public bool Activate { get; set; } = true;
    }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Reads and checks the file; shows the tree or the located errors. Nothing is stored.</summary>
    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (Data.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("Data.File", UiText.CriteriaNeedsFile);
            return Page();
        }
        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError("Data.File", UiText.CriteriaTooLarge);
            return Page();
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        Data.Json = await reader.ReadToEndAsync();
        Data.FileName = Path.GetFileName(file.FileName);
        ModelState.Remove("Data.Json");
        ModelState.Remove("Data.FileName");
        Check();
        return Page();
    }

    /// <summary>Stores the previewed set (a new version when the latest is used by a period) and activates it if asked.</summary>
    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (string.IsNullOrEmpty(Data.Json))
        {
            ModelState.AddModelError("Data.File", UiText.CriteriaNeedsFile);
            return Page();
        }
        if (!Check()) return Page();

        var scope = await current.GetAsync();
        var (stored, outcome) = await CriteriaSetStore.ImportAsync(db, Preview!, scope.UserName, Data.Activate, clock.Time);
        TempData.Notice(string.Format(Vi.Culture, Labels.Resource($"CriteriaOutcome_{outcome}"), stored.Version));
        return RedirectToPage("Details", new { id = stored.Id });
    }

    private bool Check()
    {
        var result = CriteriaSetFile.Parse(Data.Json ?? "", Data.FileName ?? "criteria.json");
        if (!result.IsValid)
        {
            Errors = TableLimits.Default.Cap(result.Refusals, Data.FileName);
            Preview = null;
            return false;
        }
        Preview = result.Set;
        return true;
    }
}
