using DanVan.Audit;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>Reads of personal data are logged (who, when, what: Nghị định 13/2023/NĐ-CP); old records are anonymised.</summary>
public static class PersonalDataAccess
{
    /// <summary>Logs that <paramref name="user"/> read the personal data of <paramref name="records"/> (one line per record), through <paramref name="path"/>.</summary>
    /// <param name="path">Where: "page", "api", "export", "cli".</param>
    public static async Task LogReadAsync(DanVanDbContext db, IEnumerable<CitizenRecord> records, string user, DateTime at, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var any = false;
        foreach (var r in records.Where(r => r.Citizens.Count > 0 && r.AnonymisedAt is null))
        {
            AuditTrail.Record(db, new AuditLine(user, at, "personal.read", AuditSubject.Named(r is Reception ? nameof(Reception) : nameof(Petition), r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                New = $"{path}: {r.Citizens.Count} công dân",
            });
            any = true;
        }
        if (any) await db.SaveChangesAsync(ct);
    }

    /// <summary>Erases names, ID numbers, addresses and phones of records in <paramref name="scopePath"/> received before
    /// <paramref name="before"/>; counts stay. One audit line per record, in one save. Returns how many were anonymised.</summary>
    public static async Task<int> AnonymiseAsync(DanVanDbContext db, string scopePath, DateOnly before, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var receptions = await db.Receptions.Include(r => r.Citizens)
            .Where(r => r.Unit!.Path.StartsWith(scopePath) && r.ReceivedOn < before && r.AnonymisedAt == null).ToListAsync(ct);
        var petitions = await db.Petitions.Include(r => r.Citizens)
            .Where(r => r.Unit!.Path.StartsWith(scopePath) && r.ReceivedOn < before && r.AnonymisedAt == null).ToListAsync(ct);
        foreach (var r in receptions.Cast<CitizenRecord>().Concat(petitions))
        {
            foreach (var c in r.Citizens) (c.Name, c.IdNumberCipher, c.IdNumberHash, c.Address, c.Phone) = (null, null, null, null, null);
            r.AnonymisedAt = at;
            r.Version++;
            AuditTrail.Record(db, new AuditLine(user, at, "personal.anonymise", AuditSubject.Of(r)) { Reason = $"quá thời hạn lưu trữ (trước {before:dd/MM/yyyy})" });
        }
        await db.SaveChangesAsync(ct);
        return receptions.Count + petitions.Count;
    }
}
