using System.Globalization;
using System.Linq.Expressions;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.OrgUnits;

/// <summary>
/// The materialised path of every unit ("/1/5/23/": its ancestors' ids, top first, then its own), kept by the
/// database context whenever a unit is added or moved, so "the units in a scope" is a prefix match in SQL.
/// </summary>
/// <remarks>A scope is parentage only, as <see cref="OrgTree"/> has always been: validity dates and successor
/// links decide which units a period evaluates and how reports map old units, not who covers whom.</remarks>
public static class UnitPaths
{
    /// <summary>Longest path stored (about 40 levels of six-digit ids).</summary>
    public const int MaxLength = 400;

    /// <summary>The path of a unit under a parent whose path is <paramref name="parentPath"/> (null for a top unit).</summary>
    public static string Of(string? parentPath, int id) => (parentPath ?? "/") + id.ToString(CultureInfo.InvariantCulture) + "/";

    /// <summary>The unit id a path ends with.</summary>
    public static int IdOf(string path)
    {
        var trimmed = path.AsSpan().TrimEnd('/');
        return int.Parse(trimmed[(trimmed.LastIndexOf('/') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The ids along a path, top first: "/1/12/40/" → 1, 12, 40.</summary>
    public static List<int> Ids(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The path of the top unit above (or at) <paramref name="path"/>: "/1/12/40/" → "/1/".</summary>
    public static string Root(string path) => path.Length < 2 ? path : path[..(path.IndexOf('/', 1) + 1)];

    /// <summary>True when the unit at <paramref name="unitPath"/> is the unit at <paramref name="scopePath"/> or below it.</summary>
    public static bool IsWithin(string unitPath, string scopePath) =>
        scopePath.Length > 0 && unitPath.StartsWith(scopePath, StringComparison.Ordinal);

    /// <summary>Units within the scope at <paramref name="scopePath"/> (the scope unit included), as a SQL prefix match.</summary>
    public static Expression<Func<OrgUnit, bool>> Within(string scopePath) => u => u.Path.StartsWith(scopePath);

    /// <summary>Units added or moved in the pending changes, with the path each had before (empty when added).</summary>
    internal static List<(OrgUnit Unit, string OldPath)> Pending(DbContext db) =>
        db.ChangeTracker.Entries<OrgUnit>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && e.Property(u => u.ParentId).IsModified) || (e.State != EntityState.Deleted && e.Entity.Path.Length == 0))
            .Select(e => (e.Entity, e.State == EntityState.Added ? "" : (string)e.Property(u => u.Path).OriginalValue!))
            .ToList();

    /// <summary>
    /// After the units are saved (ids known), sets the path of each added or moved unit, parents first, and rewrites
    /// the paths below a moved unit. The caller saves again in the same transaction.
    /// </summary>
    internal static async Task FillAsync(DanVanDbContext db, List<(OrgUnit Unit, string OldPath)> pending, CancellationToken ct)
    {
        var byId = pending.ToDictionary(p => p.Unit.Id);
        var tracked = db.ChangeTracker.Entries<OrgUnit>().Where(e => e.State != EntityState.Deleted).ToDictionary(e => e.Entity.Id, e => e.Entity);
        var done = new HashSet<int>();
        async Task SetAsync(OrgUnit unit, string oldPath)
        {
            if (!done.Add(unit.Id)) return;
            string? parentPath = null;
            if (unit.ParentId is { } parentId)
            {
                if (byId.TryGetValue(parentId, out var parent)) await SetAsync(parent.Unit, parent.OldPath);
                parentPath = tracked.TryGetValue(parentId, out var known) && known.Path.Length > 0 ? known.Path : await db.Units.Where(u => u.Id == parentId).Select(u => u.Path).SingleAsync(ct);
            }
            var path = Of(parentPath, unit.Id);
            if (oldPath.Length > 0 && oldPath != path)
            {
                // A move carries the whole subtree along.
                var below = await db.Units.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(ct);
                foreach (var child in below) child.Path = path + child.Path[oldPath.Length..];
            }
            unit.Path = path;
        }

        foreach (var (unit, oldPath) in pending) await SetAsync(unit, oldPath);
    }

    /// <summary>Synchronous <see cref="FillAsync"/>, for <c>SaveChanges</c>.</summary>
    internal static void Fill(DanVanDbContext db, List<(OrgUnit Unit, string OldPath)> pending) =>
        FillAsync(db, pending, CancellationToken.None).GetAwaiter().GetResult();
}
