using DanVan.Data;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Statistics;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Statistics.Forms;

/// <summary>Stored form definitions (code, version, name, frozen); import a JSON file (refused with the JSON path, nothing stored); download one.</summary>
[Permission(StatisticsPermissions.ManageForms)]
public sealed class Index(DanVanDbContext db, CurrentUser current, ProvinceClock clock) : PageModel
{
    /// <summary>Largest form file accepted.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>The stored versions.</summary>
    public IReadOnlyList<Row> Forms { get; private set; } = [];

    /// <summary>The uploaded file.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>One stored version.</summary>
    public sealed record Row(int Id, string Code, int Version, string Name, DateTime StoredAt, string StoredBy, bool Frozen);

    /// <summary>Shows the list.</summary>
    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Imports a form file; its refusals are shown with their JSON path and nothing is stored.</summary>
    public async Task<IActionResult> OnPostImportAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), UiText.StatChooseFile);
            await LoadAsync();
            return Page();
        }
        if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), UiText.StatFileTooLarge);
            await LoadAsync();
            return Page();
        }
        string json;
        using (var reader = new StreamReader(Upload.OpenReadStream())) json = await reader.ReadToEndAsync();
        var user = (await current.GetAsync()).UserName;
        StoredForm? stored = null;
        var ok = await this.TryRunAsync(async () => stored = await FormLibrary.ImportAsync(db, json, Path.GetFileName(Upload.FileName), user, clock.UtcNow));
        if (!ok)
        {
            await LoadAsync();
            return Page();
        }
        TempData.Notice(string.Format(Vi.Culture, UiText.StatFormImported, stored!.Name, stored.Version));
        return RedirectToPage("Preview", new { id = stored.Id });
    }

    /// <summary>The stored JSON of a version, as a file.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id)
    {
        var form = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id);
        if (form is null) return NotFound();
        return File(System.Text.Encoding.UTF8.GetBytes(form.Json), "application/json", $"{form.Code}-v{form.Version}.json");
    }

    private async Task LoadAsync()
    {
        var rows = await db.Forms.AsNoTracking().OrderBy(f => f.Code).ThenByDescending(f => f.Version)
            .Select(f => new { f.Id, f.Code, f.Version, f.Name, f.StoredAt, f.StoredBy, Frozen = db.FormPeriods.Any(p => p.FormId == f.Id) }).ToListAsync();
        Forms = rows.Select(f => new Row(f.Id, f.Code, f.Version, f.Name, f.StoredAt, f.StoredBy, f.Frozen)).ToList();
    }
}
