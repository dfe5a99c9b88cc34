using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.Units;

/// <summary>Imports a unit list (XLSX or CSV): all rows or nothing, every problem located by row and column.</summary>
public sealed class Import(DanVanDbContext db, CurrentUser current, ProvinceClock clock, TableLimits limits) : PageModel
{
    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>Refusals of a refused file, worded in Vietnamese by the page.</summary>
    public IReadOnlyList<DanVan.Refusals.Refusal> Problems { get; private set; } = [];

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>The file.</summary>
        public IFormFile? File { get; set; }
    }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Reads, checks and stores the file, or lists its problems.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (Data.File is not { Length: > 0 } file)
        {
            ModelState.AddModelError("Data.File", UiText.ImportNeedsFile);
            return Page();
        }

        var name = Path.GetFileName(file.FileName);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            ModelState.AddModelError("Data.File", UiText.ImportWrongType);
            return Page();
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            buffer.Position = 0;
            var rows = extension == ".xlsx" ? UnitList.ReadXlsx(buffer, name, limits) : UnitList.ReadCsv(buffer, name, limits);
            var scope = await current.GetAsync();
            var summary = await UnitList.ImportAsync(db, rows, name, scope.UserName, clock.Today, limits);
            TempData.Notice(string.Format(Vi.Culture, UiText.ImportDone, summary.Created, summary.Updated, summary.GroupsCreated, summary.Successions));
            return RedirectToPage("Index");
        }
        catch (DanVan.Refusals.RefusedException ex)
        {
            Problems = ex.Refusals;
            return Page();
        }
    }
}
