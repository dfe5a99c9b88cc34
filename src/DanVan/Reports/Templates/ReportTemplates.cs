using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Reports.Templates;

/// <summary>One saved version of a scope's report template; versions are kept, the latest is used.</summary>
public sealed class StoredReportTemplate
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The scope unit whose reports use it.</summary>
    public int ScopeUnitId { get; set; }

    /// <summary>1 for the scope's first template, then one more per save.</summary>
    public int Version { get; set; }

    /// <summary>The template's name, for lists.</summary>
    public string Name { get; set; } = "";

    /// <summary>The template in the file format (docs/report-template-format.md).</summary>
    public string Content { get; set; } = "";

    /// <summary>When it was saved (UTC).</summary>
    public DateTime SavedAt { get; set; }

    /// <summary>Who saved it.</summary>
    public string SavedBy { get; set; } = "";
}

/// <summary>The template a report is built with: the template, the version and the scope it was stored for.</summary>
/// <param name="Template">The template.</param>
/// <param name="Version">Its stored version; 0 for the standard template.</param>
/// <param name="OwnerUnitId">The scope it is stored for (the report's scope or one above it); null for the standard template.</param>
public sealed record TemplateInUse(ReportTemplate Template, int Version, int? OwnerUnitId)
{
    /// <summary>The standard template, when no scope up the hierarchy stored one.</summary>
    public static TemplateInUse Standard { get; } = new(ReportTemplate.Standard, 0, null);
}

/// <summary>Storing and finding report templates.</summary>
public static class ReportTemplates
{
    /// <summary>The code of a save made from a version someone else has replaced (a conflict, not bad input).</summary>
    public const string StaleCode = "reports.templateStale";

    /// <summary>
    /// The template for a scope's reports: the scope's own latest version, else the nearest scope above it that stored one
    /// (a district writes with its province's template unless it has its own), else the standard one.
    /// </summary>
    public static async Task<TemplateInUse> ForScopeAsync(DanVanDbContext db, int scopeUnitId, CancellationToken ct = default)
    {
        var path = await db.Units.AsNoTracking().Where(u => u.Id == scopeUnitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (path is null) return TemplateInUse.Standard;
        var chain = UnitPaths.Ids(path);
        var stored = await db.ReportTemplates.AsNoTracking()
            .Where(t => chain.Contains(t.ScopeUnitId))
            .GroupBy(t => t.ScopeUnitId)
            .Select(g => g.OrderByDescending(t => t.Version).First())
            .ToListAsync(ct);
        var nearest = stored.OrderByDescending(t => chain.IndexOf(t.ScopeUnitId)).FirstOrDefault();
        if (nearest is null) return TemplateInUse.Standard;
        var read = ReportTemplateFile.Parse(nearest.Content);
        return read.Template is null ? TemplateInUse.Standard : new(read.Template, nearest.Version, nearest.ScopeUnitId);
    }

    /// <summary>The versions stored for a scope, newest first.</summary>
    public static Task<List<StoredReportTemplate>> VersionsAsync(DanVanDbContext db, int scopeUnitId, CancellationToken ct = default) =>
        db.ReportTemplates.AsNoTracking().Where(t => t.ScopeUnitId == scopeUnitId).OrderByDescending(t => t.Version).ToListAsync(ct);

    /// <summary>
    /// Stores the template as the scope's next version, unless another was saved since <paramref name="expectedVersion"/>
    /// (0 when the scope had none); one transaction with its audit line.
    /// </summary>
    /// <exception cref="RefusedException">The template names unknown groups or breaks a rule of the format, or the version is stale.</exception>
    public static async Task<StoredReportTemplate> SaveAsync(DanVanDbContext db, int scopeUnitId, ReportTemplate template, int? expectedVersion,
        string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!await db.Units.AnyAsync(u => u.Id == scopeUnitId, ct))
            throw new RefusedException("reports.unknownUnit", Where.AtField("scope"), ("unit", scopeUnitId));
        var groups = await db.Groups.AsNoTracking().Select(g => g.Code).ToListAsync(ct);
        var problems = ReportTemplateFile.Check(template, groups);
        if (problems.Count > 0) throw new RefusedException(problems);

        var latest = await db.ReportTemplates.Where(t => t.ScopeUnitId == scopeUnitId).MaxAsync(t => (int?)t.Version, ct) ?? 0;
        if (expectedVersion is { } expected && expected != latest)
            throw new RefusedException(StaleCode, Where.AtField("version"), ("expected", expected), ("current", latest));

        var content = ReportTemplateFile.Serialize(template);
        var stored = new StoredReportTemplate
        {
            ScopeUnitId = scopeUnitId,
            Version = latest + 1,
            Name = template.Name.Trim(),
            Content = content,
            SavedAt = at,
            SavedBy = user,
        };
        db.ReportTemplates.Add(stored);
        AuditTrail.Record(db, new AuditLine(user, at, "report.template", AuditSubject.Of(stored))
        {
            Old = latest == 0 ? null : $"v{latest}",
            New = $"v{stored.Version} {stored.Name}",
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save of the same scope took this version number first.
            db.ChangeTracker.Clear();
            var now = await db.ReportTemplates.Where(t => t.ScopeUnitId == scopeUnitId).MaxAsync(t => (int?)t.Version, ct) ?? 0;
            throw new RefusedException(StaleCode, Where.AtField("version"), ("expected", latest), ("current", now));
        }
        return stored;
    }
}
