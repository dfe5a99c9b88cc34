using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using DanVan.Periods;

namespace DanVan.Web.Pages.Admin.Units;

/// <summary>The unit tree with groups and validity; export to XLSX.</summary>
public sealed class Index(DanVanDbContext db, ProvinceClock clock) : PageModel
{
    /// <summary>Units in tree order.</summary>
    public IReadOnlyList<Row> Units { get; private set; } = [];

    /// <summary>One unit.</summary>
    public sealed record Row(UnitOptions.TreeUnit Unit, string Groups);

    /// <summary>Lists the units.</summary>
    public async Task OnGetAsync()
    {
        var tree = await UnitOptions.TreeAsync(db);
        var groups = (await db.Groups.AsNoTracking().SelectMany(g => g.Units, (g, u) => new { UnitId = u.Id, g.Name }).ToListAsync())
            .ToLookup(x => x.UnitId, x => x.Name);
        Units = tree.Select(u => new Row(u, string.Join(", ", groups[u.Id].Order(StringComparer.Ordinal)))).ToList();
    }

    /// <summary>The unit list as an XLSX workbook in the import format.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var rows = await UnitList.ExportAsync(db);
        var stream = new MemoryStream();
        UnitList.WriteXlsx(stream, rows);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"don-vi-{clock.Today:yyyyMMdd}.xlsx");
    }
}
