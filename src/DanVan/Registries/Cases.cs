using System.Text.Json;
using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>Cases (vụ việc) and the decisions a person takes on suggested duplicates: merge, "not the same", undo.</summary>
public static class Cases
{
    /// <summary>Loads a record by its key ("R:12", "P:7") with its unit, or null.</summary>
    public static async Task<CitizenRecord?> FindAsync(DanVanDbContext db, string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (key.Length < 3 || key[1] != ':' || !int.TryParse(key.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return null;
        return key[0] switch
        {
            'R' => await db.Receptions.Include(r => r.Unit).FirstOrDefaultAsync(r => r.Id == id, ct),
            'P' => await db.Petitions.Include(r => r.Unit).FirstOrDefaultAsync(r => r.Id == id, ct),
            _ => null,
        };
    }

    /// <summary>The two keys of a pair in a stable order.</summary>
    public static (string Left, string Right) Pair(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    /// <summary>Merges two records into one case: the case either already has, or a new one; a case of the other moves whole.</summary>
    /// <exception cref="RefusedException">The same record twice, or the pair already decided.</exception>
    public static async Task<DuplicateDecision> MergeAsync(DanVanDbContext db, CitizenRecord a, CitizenRecord b, double probability, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (left, right) = await CheckPairAsync(db, a, b, ct);
        var moves = new List<Move>();
        var created = false;
        CitizenCase target;
        if (a.CaseId is { } ca) target = await db.CitizenCases.SingleAsync(c => c.Id == ca, ct);
        else if (b.CaseId is { } cb) target = await db.CitizenCases.SingleAsync(c => c.Id == cb, ct);
        else
        {
            target = new CitizenCase
            {
                UnitId = UnitPaths.IdOf(CommonPath(a.Unit!.Path, b.Unit!.Path)),
                Title = Title(a.Summary),
                CreatedAt = at,
            };
            db.CitizenCases.Add(target);
            created = true;
        }
        var other = new[] { a.CaseId, b.CaseId }.FirstOrDefault(c => c is not null && c != target.Id);
        var members = new List<CitizenRecord> { a, b };
        if (other is { } oc)
        {
            members.AddRange(await db.Receptions.Where(r => r.CaseId == oc).ToListAsync(ct));
            members.AddRange(await db.Petitions.Where(r => r.CaseId == oc).ToListAsync(ct));
        }
        foreach (var m in members.DistinctBy(m => m.Key))
        {
            if (m.CaseId == target.Id && !created) continue;
            moves.Add(new Move(m.Key, m.CaseId));
            m.Case = target;
            m.Version++;
        }
        var decision = new DuplicateDecision
        {
            LeftKey = left, RightKey = right, Merged = true, Case = target, Probability = probability, DecidedBy = user, DecidedAt = at,
            Moves = JsonSerializer.Serialize(new Undo(created, moves)),
        };
        db.DuplicateDecisions.Add(decision);
        AuditTrail.Record(db, new AuditLine(user, at, "case.merge", AuditSubject.Of(decision)) { New = $"{left} + {right} → vụ việc; {moves.Count} hồ sơ chuyển" });
        await SaveAsync(db, ct);
        return decision;
    }

    /// <summary>Remembers that two records are not the same matter: the pair is never suggested again (until undone).</summary>
    /// <exception cref="RefusedException">The same record twice, or the pair already decided.</exception>
    public static async Task<DuplicateDecision> RejectAsync(DanVanDbContext db, CitizenRecord a, CitizenRecord b, double probability, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (left, right) = await CheckPairAsync(db, a, b, ct);
        var decision = new DuplicateDecision { LeftKey = left, RightKey = right, Merged = false, Probability = probability, DecidedBy = user, DecidedAt = at };
        db.DuplicateDecisions.Add(decision);
        AuditTrail.Record(db, new AuditLine(user, at, "case.reject", AuditSubject.Of(decision)) { New = $"{left} ≠ {right}" });
        await SaveAsync(db, ct);
        return decision;
    }

    /// <summary>Undoes a decision: a merge puts every record back in the case it had (a case the merge created is removed when empty).</summary>
    /// <exception cref="RefusedException">Already undone, or a later merge moved the records again.</exception>
    public static async Task UndoAsync(DanVanDbContext db, DuplicateDecision decision, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.UndoneAt is not null) throw new RefusedException("registries.alreadyUndone", Where.Request);
        if (decision.Merged)
        {
            var later = await db.DuplicateDecisions.AnyAsync(d => d.Merged && d.UndoneAt == null && d.Id > decision.Id && d.CaseId == decision.CaseId, ct);
            if (later) throw new RefusedException("registries.undoLaterFirst", Where.Request);
            var undo = JsonSerializer.Deserialize<Undo>(decision.Moves ?? "{}") ?? new Undo(false, []);
            foreach (var move in undo.Moves)
            {
                var record = await FindAsync(db, move.Key, ct);
                if (record is null || record.CaseId != decision.CaseId) continue;
                record.CaseId = move.CaseBefore;
                record.Version++;
            }
            if (undo.CreatedCase && decision.CaseId is { } id)
            {
                // The database still shows the records this undo moves back, so they are counted out by key.
                var moved = undo.Moves.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
                var members = (await db.Receptions.Where(r => r.CaseId == id).Select(r => r.Id).ToListAsync(ct)).Select(i => "R:" + i)
                    .Concat((await db.Petitions.Where(r => r.CaseId == id).Select(r => r.Id).ToListAsync(ct)).Select(i => "P:" + i));
                var stillUsed = members.Any(k => !moved.Contains(k));
                var otherDecisions = await db.DuplicateDecisions.AnyAsync(d => d.CaseId == id && d.Id != decision.Id, ct);
                if (!stillUsed && !otherDecisions)
                {
                    // An empty case the merge made would be counted as a matter nobody recorded.
                    decision.CaseId = null;
                    db.CitizenCases.Remove(await db.CitizenCases.SingleAsync(c => c.Id == id, ct));
                }
            }
        }
        decision.UndoneAt = at;
        AuditTrail.Record(db, new AuditLine(user, at, decision.Merged ? "case.unmerge" : "case.unreject", AuditSubject.Of(decision))
        {
            Old = decision.Merged ? $"{decision.LeftKey} + {decision.RightKey}" : $"{decision.LeftKey} ≠ {decision.RightKey}",
        });
        await SaveAsync(db, ct);
    }

    /// <summary>Sets a case's status, result and resolution date, guarded by its version.</summary>
    /// <exception cref="RefusedException">Resolved without a date, a date in the future, a stale version.</exception>
    public static async Task UpdateAsync(DanVanDbContext db, CitizenCase c, string? title, CaseStatus status, string? result, DateOnly? resolvedOn, int? expectedVersion, RegistryActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(actor);
        var refusals = new List<Refusal>();
        CitizenRecords.CheckVersion(refusals, expectedVersion, c.Version);
        if (status == CaseStatus.Resolved && resolvedOn is null) refusals.Add(Refusal.Of("registries.resolvedOnRequired", Where.AtField("resolvedOn")));
        if (resolvedOn is { } d && d > actor.Today) refusals.Add(Refusal.Of("registries.dateInFuture", Where.AtField("resolvedOn"), ("date", d), ("today", actor.Today)));
        if (TextLimit.Check(result, Where.AtField("result"), "result") is { } r) refusals.Add(r);
        if (TextLimit.Check(title, Where.AtField("title"), "title", CitizenRecords.MaxShortText) is { } t) refusals.Add(t);
        if (refusals.Count > 0) throw new RefusedException(refusals);
        var before = $"{c.Status} {c.ResolvedOn:yyyy-MM-dd}";
        if (!string.IsNullOrWhiteSpace(title)) c.Title = title.Trim();
        (c.Status, c.Result, c.ResolvedOn) = (status, CitizenRecords.Clean(result), status == CaseStatus.Resolved ? resolvedOn : null);
        c.Version++;
        AuditTrail.Record(db, new AuditLine(actor.User, actor.At, "case.update", AuditSubject.Of(c)) { Old = before, New = $"{c.Status} {c.ResolvedOn:yyyy-MM-dd}" });
        await SaveAsync(db, ct);
    }

    /// <summary>The pairs a person decided and did not undo: never suggested again.</summary>
    public static async Task<HashSet<(string, string)>> DecidedPairsAsync(DanVanDbContext db, CancellationToken ct = default) =>
        (await db.DuplicateDecisions.AsNoTracking().Where(d => d.UndoneAt == null).Select(d => new { d.LeftKey, d.RightKey }).ToListAsync(ct))
            .Select(d => (d.LeftKey, d.RightKey)).ToHashSet();

    private static async Task<(string, string)> CheckPairAsync(DanVanDbContext db, CitizenRecord a, CitizenRecord b, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Key == b.Key) throw new RefusedException("registries.sameRecord", Where.Request);
        var (left, right) = Pair(a.Key, b.Key);
        if (await db.DuplicateDecisions.AnyAsync(d => d.LeftKey == left && d.RightKey == right && d.UndoneAt == null, ct))
            throw new RefusedException("registries.alreadyDecided", Where.Request);
        if (a.CaseId is not null && a.CaseId == b.CaseId) throw new RefusedException("registries.alreadyDecided", Where.Request);
        return (left, right);
    }

    private static Task SaveAsync(DanVanDbContext db, CancellationToken ct) => CitizenRecords.SaveRefusingStaleAsync(db, 0, ct);

    private static string CommonPath(string a, string b)
    {
        var i = 0;
        var common = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            if (a[i] == '/') common = i + 1;
            i++;
        }
        return a[..common];
    }

    private static string Title(string summary) => summary.Length <= 200 ? summary : summary[..199] + "…";

    private sealed record Move(string Key, int? CaseBefore);

    private sealed record Undo(bool CreatedCase, List<Move> Moves);
}
