using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DanVan.Web.Pages.Registries.Work;

/// <summary>Imports a registry's file (XLSX or CSV): all or nothing, each problem listed at its file, sheet, row and column in Vietnamese.</summary>
[Permission(RegistryPermissions.WorkRecord)]
public sealed class Import(DanVanDbContext db, CurrentUser current, ProvinceClock clock, Permissions permissions) : PageModel
{
    /// <summary>models, plans or recommendations.</summary>
    [BindProperty(SupportsGet = true)] public string Registry { get; set; } = "models";

    /// <summary>The file.</summary>
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The refusals of the last upload, each with its place.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The columns of the registry's file.</summary>
    public IReadOnlyList<string> Columns => RegistryTerms.TryParse<WorkRegistry>(Registry, out var r) ? WorkTables.Columns(r) : [];

    /// <summary>Shows the form.</summary>
    public IActionResult OnGet() => RegistryTerms.TryParse<WorkRegistry>(Registry, out _) ? Page() : NotFound();

    /// <summary>Imports the file.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!RegistryTerms.TryParse<WorkRegistry>(Registry, out var which)) return NotFound();
        var user = await current.GetAsync();
        try
        {
            var (table, name) = await Uploads.ReadTableAsync(Upload, "file", HttpContext.RequestAborted);
            var summary = await WorkTables.ImportAsync(db, which, table, name, u => permissions.May(user, RegistryPermissions.WorkRecord, Target.Unit(u)),
                new WorkActor(user.UserName, clock.UtcNow, clock.Zone), null, HttpContext.RequestAborted);
            TempData.Notice(string.Format(Vi.Culture, UiText.WorkImported, summary.File, summary.Created));
            return RedirectToPage("Index", new { registry = RegistryTerms.Code(which) });
        }
        catch (RefusedException ex)
        {
            Problems = [.. ex.Refusals.Select(r => RefusalText.RenderWithPlace(r, RefusalText.Vietnamese))];
            this.Show(ex.Refusals);
            return Page();
        }
    }
}
