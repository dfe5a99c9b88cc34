using DanVan.Data;
using DanVan.Statistics;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Statistics.Forms;

/// <summary>A stored form laid out as the paper form: its sections, tables with grouped headers, lists, rules and deadlines.</summary>
[Permission(StatisticsPermissions.ManageForms)]
public sealed class Preview(DanVanDbContext db) : PageModel
{
    /// <summary>The stored version.</summary>
    public StoredForm Stored { get; private set; } = null!;

    /// <summary>Its definition.</summary>
    public FormDefinition Form { get; private set; } = null!;

    /// <summary>True once a period uses it.</summary>
    public bool Frozen { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var stored = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id);
        if (stored is null) return NotFound();
        (Stored, Form, Frozen) = (stored, stored.Definition(), await FormLibrary.IsFrozenAsync(db, id));
        return Page();
    }
}
