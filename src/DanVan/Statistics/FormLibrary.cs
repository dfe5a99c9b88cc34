using DanVan.Audit;
using DanVan.Data;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Statistics;

/// <summary>Storing form definitions: imported as files, versioned, frozen once a period uses a version.</summary>
public static class FormLibrary
{
    /// <summary>
    /// Validates and stores a form file. A new code or version is added; a version no period uses yet is replaced;
    /// a version a period uses is refused (<c>forms.versionFrozen</c>): import it as a new version.
    /// </summary>
    /// <exception cref="RefusedException">The file is not a valid form, or its version is frozen; nothing is stored.</exception>
    public static async Task<StoredForm> ImportAsync(DanVanDbContext db, string json, string? fileName, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var read = FormDefinitionFile.Parse(json, fileName);
        if (!read.IsValid) throw new RefusedException(read.Refusals);
        var form = read.Form!;
        var stored = await db.Set<StoredForm>().SingleOrDefaultAsync(f => f.Code == form.Code && f.Version == form.Version, ct);
        if (stored is not null && await db.Set<FormPeriod>().AnyAsync(p => p.FormId == stored.Id, ct))
            throw new RefusedException("forms.versionFrozen", new Where { File = fileName, Path = "$.version" }, ("code", form.Code), ("version", form.Version));
        var text = FormDefinitionFile.Serialize(form);
        var old = stored?.Json;
        if (stored is null)
        {
            stored = new StoredForm { Code = form.Code, Version = form.Version, Name = form.Name, Json = text, StoredAt = at, StoredBy = user };
            db.Add(stored);
        }
        else (stored.Name, stored.Json, stored.StoredAt, stored.StoredBy) = (form.Name, text, at, user);
        AuditTrail.Record(db, new AuditLine(user, at, "form.import", AuditSubject.Of(stored))
        {
            Old = old is null ? null : $"{form.Code} v{form.Version} (bản cũ)",
            New = $"{form.Code} v{form.Version}: {form.Name}; {form.Indicators.Count} chỉ tiêu, {form.Rules.Count} quy tắc",
        });
        await db.SaveChangesAsync(ct);
        return stored;
    }

    /// <summary>True when a period uses the version, which can then no longer change.</summary>
    public static Task<bool> IsFrozenAsync(DanVanDbContext db, int formId, CancellationToken ct = default) =>
        db.Set<FormPeriod>().AnyAsync(p => p.FormId == formId, ct);
}
