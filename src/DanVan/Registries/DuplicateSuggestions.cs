using DanVan.Data;
using DanVan.Registries.Duplicates;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>Suggested duplicates across every unit under a scope (a province): receptions and petitions read in two queries,
/// blocked and scored by <see cref="DuplicateFinder"/>; pairs a person decided, and records already in one case, are left out.</summary>
public static class DuplicateSuggestions
{
    /// <summary>The candidates at or above the threshold, most probable first, at most <paramref name="max"/>.</summary>
    public static async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(DanVanDbContext db, string scopePath, DuplicateSettings? settings = null,
        int max = 500, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = await RecordsAsync(db, scopePath, ct);
        var decided = await Cases.DecidedPairsAsync(db, ct);
        var cases = records.Where(r => r.Case is not null).Select(r => (r.Record.Key, r.Case!));
        var found = DuplicateFinder.Find(records.Select(r => r.Record).ToList(), settings ?? DuplicateSettings.Default, DuplicateExclusions.Of(decided, cases));
        return found.Take(max).ToList();
    }

    // The first citizen named stands for the record (the petitioner, the delegation's first speaker): the finder compares people.
    private static async Task<List<(DuplicateRecord Record, string? Case)>> RecordsAsync(DanVanDbContext db, string scopePath, CancellationToken ct)
    {
        var receptions = await db.Receptions.AsNoTracking().Where(r => r.Unit!.Path.StartsWith(scopePath) && r.AnonymisedAt == null)
            .Select(r => new
            {
                r.Id, r.Unit!.Path, r.ReceivedOn, r.Summary, r.MatterKind, r.Field, r.CaseId,
                First = r.Citizens.OrderBy(c => c.Position).Select(c => new { c.Name, c.IdNumberHash, c.Address, c.Phone }).FirstOrDefault(),
            }).ToListAsync(ct);
        var petitions = await db.Petitions.AsNoTracking().Where(r => r.Unit!.Path.StartsWith(scopePath) && r.AnonymisedAt == null)
            .Select(r => new
            {
                r.Id, r.Unit!.Path, r.ReceivedOn, r.Summary, r.MatterKind, r.Field, r.CaseId,
                First = r.Citizens.OrderBy(c => c.Position).Select(c => new { c.Name, c.IdNumberHash, c.Address, c.Phone }).FirstOrDefault(),
            }).ToListAsync(ct);
        string? CaseKey(int? id) => id is { } c ? "C:" + c.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return
        [
            .. receptions.Select(r => (new DuplicateRecord("R:" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Path, r.ReceivedOn, r.First?.Name, r.First?.IdNumberHash,
                r.First?.Address, r.First?.Phone, r.Summary, RegistryTerms.Label(r.MatterKind), r.Field), CaseKey(r.CaseId))),
            .. petitions.Select(r => (new DuplicateRecord("P:" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Path, r.ReceivedOn, r.First?.Name, r.First?.IdNumberHash,
                r.First?.Address, r.First?.Phone, r.Summary, RegistryTerms.Label(r.MatterKind), r.Field), CaseKey(r.CaseId))),
        ];
    }
}
