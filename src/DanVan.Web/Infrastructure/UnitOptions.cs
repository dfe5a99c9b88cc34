using DanVan.Data;
using DanVan.OrgUnits;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Infrastructure;

/// <summary>Units in tree order (parents before children, siblings by code), for lists and drop-downs.</summary>
public static class UnitOptions
{
    /// <summary>One unit with its depth in the tree.</summary>
    public sealed record TreeUnit(int Id, string Code, string Name, OrgUnitKind Kind, int? ParentId, int Depth, DateOnly? ValidFrom, DateOnly? ValidTo)
    {
        /// <summary>The unit's materialised path, for permission checks.</summary>
        public string Path { get; init; } = "";
    }

    /// <summary>All units in tree order.</summary>
    public static async Task<IReadOnlyList<TreeUnit>> TreeAsync(DanVanDbContext db, CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking()
            .Select(u => new { u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.ValidFrom, u.ValidTo, u.Path })
            .ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToHashSet();
        var children = units.ToLookup(u => u.ParentId is { } p && ids.Contains(p) ? p : (int?)null);
        var result = new List<TreeUnit>(units.Count);
        void Walk(int? parent, int depth)
        {
            foreach (var u in children[parent].OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                result.Add(new(u.Id, u.Code, u.Name, u.Kind, u.ParentId, depth, u.ValidFrom, u.ValidTo) { Path = u.Path });
                Walk(u.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return result;
    }

    /// <summary>Drop-down items, indented by depth, optionally only some units.</summary>
    public static async Task<IReadOnlyList<SelectListItem>> SelectAsync(DanVanDbContext db, Func<TreeUnit, bool>? keep = null, CancellationToken ct = default) =>
        (await TreeAsync(db, ct)).Where(u => keep?.Invoke(u) ?? true)
            .Select(u => new SelectListItem(new string('\u00A0', u.Depth * 3) + u.Name + " (" + u.Code + ")", u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
}
