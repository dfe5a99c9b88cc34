using System.Security.Cryptography;
using System.Text;
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
    /// <summary>Stores a valid set; a set used by a period is frozen, so a change becomes a new version.</summary>
    public static Task<(StoredCriteriaSet Stored, CriteriaImportOutcome Outcome)> ImportAsync(
        DanVanDbContext db, CriteriaSet set, CancellationToken ct = default) => ImportAsync(db, set, TimeProvider.System, ct);

    /// <summary>Stores a valid set, dated by <paramref name="time"/>; a set used by a period is frozen, so a change becomes a new version.</summary>
    public static async Task<(StoredCriteriaSet Stored, CriteriaImportOutcome Outcome)> ImportAsync(
        DanVanDbContext db, CriteriaSet set, TimeProvider time, CancellationToken ct = default)
    {
        var latest = await db.CriteriaSets.Where(s => s.Key == set.Id).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        var hash = Hash(CriteriaSetFile.Serialize(set with { Version = 1 }));

        if (latest is null)
        {
            var created = ToStored(set with { Version = 1 }, hash, time.GetUtcNow().UtcDateTime);
            db.CriteriaSets.Add(created);
            await db.SaveChangesAsync(ct);
            return (created, CriteriaImportOutcome.Created);
        }

        if (latest.ContentHash == hash) return (latest, CriteriaImportOutcome.Unchanged);

        if (await IsFrozenAsync(db, latest.Id, ct))
        {
            var next = ToStored(set with { Version = latest.Version + 1 }, hash, time.GetUtcNow().UtcDateTime);
            db.CriteriaSets.Add(next);
            await db.SaveChangesAsync(ct);
            return (next, CriteriaImportOutcome.NewVersion);
        }

        var replacement = set with { Version = latest.Version };
        latest.Name = replacement.Name;
        latest.DecisionNumber = replacement.Decision.Number;
        latest.DecisionDate = replacement.Decision.Date;
        latest.Json = CriteriaSetFile.Serialize(replacement);
        latest.ContentHash = hash;
        latest.ImportedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
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
