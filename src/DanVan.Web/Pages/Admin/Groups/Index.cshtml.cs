using DanVan.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Admin.Groups;

/// <summary>Unit groups (khối) with their member counts.</summary>
public sealed class Index(DanVanDbContext db) : PageModel
{
    /// <summary>The groups.</summary>
    public IReadOnlyList<Row> Groups { get; private set; } = [];

    /// <summary>One group.</summary>
    public sealed record Row(int Id, string Code, string Name, int SortOrder, int Members);

    /// <summary>Lists the groups.</summary>
    public async Task OnGetAsync() =>
        Groups = await db.Groups.AsNoTracking().OrderBy(g => g.SortOrder).ThenBy(g => g.Name)
            .Select(g => new Row(g.Id, g.Code, g.Name, g.SortOrder, g.Units.Count)).ToListAsync();
}
