using System.Security.Cryptography;
using System.Text;
using DanVan.Audit;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Criteria;

/// <summary>What an import did.</summary>
public enum CriteriaImportOutcome
{
    /// <summary>A new set (version 1).</summary>
    Created = 1,

    /// <summary>The same content was already stored.</summary>
    Unchanged = 2,

    /// <summary>The latest version was not used by a period and was replaced.</summary>
    Replaced = 3,

    /// <summary>The latest version is frozen (used by a period); a new version was stored.</summary>
    NewVersion = 4,
}

/// <summary>Stores criteria sets: versions, freezing, lookup.</summary>
public static class CriteriaSetStore
{
    /// <summary>Imports as the "system" user (seeding, tests); see the overload naming the user.</summary>
    public static Task<(StoredCriteriaSet Stored, CriteriaImportOutcome Outcome)> ImportAsync(
        DanVanDbContext db, CriteriaSet set, CancellationToken ct = default) => ImportAsync(db, set, "system", null, TimeProvider.System, ct);

    /// <summary>Imports as the "system" user, dated by <paramref name="time"/>.</summary>
    public static Task<(StoredCriteriaSet Stored, CriteriaImportOutcome Outcome)> ImportAsync(
        DanVanDbContext db, CriteriaSet set, TimeProvider time, CancellationToken ct = default) => ImportAsync(db, set, "system", null, time, ct);

    /// <summary>
    /// Stores a valid set with its audit line; a set used by a period is frozen, so a change becomes a new version.
    /// <paramref name="activate"/>, when given, also sets whether the stored version is offered for new periods.
    /// </summary>
    public static async Task<(StoredCriteriaSet Stored, CriteriaImportOutcome Outcome)> ImportAsync(
        DanVanDbContext db, CriteriaSet set, string user, bool? activate, TimeProvider? time = null, CancellationToken ct = default)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var (stored, outcome) = await StoreAsync(db, set, now, ct);
        if (activate is { } active) stored.IsActive = active;
        if (outcome == CriteriaImportOutcome.Unchanged && !db.Entry(stored).Properties.Any(p => p.IsModified)) return (stored, outcome);
        AuditTrail.Record(db, new AuditLine(user, now, "criteria.import", AuditSubject.Of(stored))
        {
            New = $"{stored.Key} v{stored.Version}: {outcome}; {(stored.IsActive ? "active" : "inactive")}",
        });
        await db.SaveChangesAsync(ct);
        return (stored, outcome);
    }

    /// <summary>Sets whether a stored version is offered for new periods, with its audit line; false when there is no such version.</summary>
    public static async Task<bool> SetActiveAsync(DanVanDbContext db, int storedId, bool active, string user, TimeProvider? time = null, CancellationToken ct = default)
    {
        var stored = await db.CriteriaSets.FindAsync([storedId], ct);
        if (stored is null) return false;
        if (stored.IsActive == active) return true;
        stored.IsActive = active;
        AuditTrail.Record(db, new AuditLine(user, (time ?? TimeProvider.System).GetUtcNow().UtcDateTime, active ? "criteria.activate" : "criteria.deactivate", AuditSubject.Of(stored))
        {
            Old = (!active).ToString(), New = active.ToString(),
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    // Tracks the change; the caller records the audit line and saves once.
    private static async Task<(StoredCriteriaSet Stored, CriteriaImportOutcome Outcome)> StoreAsync(
        DanVanDbContext db, CriteriaSet set, DateTime now, CancellationToken ct)
    {
        var latest = await db.CriteriaSets.Where(s => s.Key == set.Id).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        var hash = Hash(CriteriaSetFile.Serialize(set with { Version = 1 }));

        if (latest is null)
        {
            var created = ToStored(set with { Version = 1 }, hash, now);
            db.CriteriaSets.Add(created);
            return (created, CriteriaImportOutcome.Created);
        }

        if (latest.ContentHash == hash) return (latest, CriteriaImportOutcome.Unchanged);

        if (await IsFrozenAsync(db, latest.Id, ct))
        {
            var next = ToStored(set with { Version = latest.Version + 1 }, hash, now);
            db.CriteriaSets.Add(next);
            return (next, CriteriaImportOutcome.NewVersion);
        }

        var replacement = set with { Version = latest.Version };
        latest.Name = replacement.Name;
        latest.DecisionNumber = replacement.Decision.Number;
        latest.DecisionDate = replacement.Decision.Date;
        latest.Json = CriteriaSetFile.Serialize(replacement);
        latest.ContentHash = hash;
        latest.ImportedAt = now;
        return (latest, CriteriaImportOutcome.Replaced);
    }

    /// <summary>True when a period uses this version.</summary>
    public static Task<bool> IsFrozenAsync(DanVanDbContext db, int storedId, CancellationToken ct = default) =>
        db.PeriodGroups.AnyAsync(g => g.CriteriaSetId == storedId, ct);

    /// <summary>The latest version of a key, or a given version.</summary>
    public static Task<StoredCriteriaSet?> FindAsync(DanVanDbContext db, string key, int? version = null, CancellationToken ct = default) =>
        db.CriteriaSets.Where(s => s.Key == key && (version == null || s.Version == version))
            .OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);

    private static StoredCriteriaSet ToStored(CriteriaSet set, string hash, DateTime at) => new()
    {
        Key = set.Id,
        Version = set.Version,
        Name = set.Name,
        DecisionNumber = set.Decision.Number,
        DecisionDate = set.Decision.Date,
        Json = CriteriaSetFile.Serialize(set),
        ContentHash = hash,
        ImportedAt = at,
    };

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
