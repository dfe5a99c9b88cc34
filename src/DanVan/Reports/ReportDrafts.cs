using DanVan.Refusals;
using System.Globalization;
using DanVan.Audit;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Reports;

/// <summary>What a coordinator saves: the draft's text, and the version it was edited from.</summary>
/// <param name="ScopeUnitId">The report's scope unit.</param>
/// <param name="Year">The year reported.</param>
/// <param name="Summary">The summary; blank for the standard one.</param>
/// <param name="Blocks">Prose blocks; a block left out is saved empty.</param>
/// <param name="SignerAuthority">Authority lines, one per line.</param>
/// <param name="SignerPosition">The signer's position.</param>
/// <param name="SignerName">The signer's name.</param>
/// <param name="Recipients">Recipients, one per line.</param>
/// <param name="ExpectedVersion">The version the text was edited from; 0 when this year had no draft yet.</param>
/// <param name="Key">Which report of the year (<see cref="ReportDrafts.KeyOf"/>); empty for the year's own report.</param>
public sealed record DraftInput(
    int ScopeUnitId,
    int Year,
    string? Summary,
    IReadOnlyDictionary<DraftBlock, string> Blocks,
    string? SignerAuthority,
    string? SignerPosition,
    string? SignerName,
    string? Recipients,
    int ExpectedVersion,
    string Key = "");

/// <summary>How a save ended.</summary>
public enum DraftSaveOutcome
{
    /// <summary>Stored.</summary>
    Saved = 0,

    /// <summary>Someone saved another version meanwhile; nothing was stored.</summary>
    Conflict = 1,
}

/// <summary>The outcome of a save and the version now stored.</summary>
public sealed record DraftSaveResult(DraftSaveOutcome Outcome, int Version);

/// <summary>Loading and saving report drafts.</summary>
public static class ReportDrafts
{
    /// <summary>
    /// Which report of a year a draft belongs to: empty for the year's own report (its whole year, periodic or the template's
    /// kind), else the span and the kind, e.g. "2019-01-01..2022-05-25:adHoc".
    /// </summary>
    public static string KeyOf(int year, ReportSpan? span, Templates.ReportKind? kind)
    {
        var days = span is { } s && s != ReportSpan.OfYear(year) ? s.ToString() : "";
        var named = kind is { } k && k != Templates.ReportKind.Periodic ? Criteria.CamelCaseEnum.Name(k) : "";
        return days.Length == 0 && named.Length == 0 ? "" : $"{days}:{named}";
    }

    /// <summary>
    /// The draft of a year's report; when the year has none, a new one started from the latest earlier year's draft of the same
    /// scope (<see cref="ReportDraft.CarriedFromYear"/> tells which), or an empty one. Another report of the year (a review over
    /// several years, a thematic report: <paramref name="key"/> not empty) starts empty but for the signer and recipients.
    /// </summary>
    /// <remarks>The result is not tracked; saving goes through <see cref="SaveAsync"/>.</remarks>
    public static async Task<ReportDraft> ForYearAsync(DanVanDbContext db, int scopeUnitId, int year, string key = "", CancellationToken ct = default)
    {
        if (key.Length > 0)
        {
            var own = await db.ReportDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.ScopeUnitId == scopeUnitId && d.Year == year && d.Key == key, ct);
            if (own is not null) return own;
            var signer = await db.ReportDrafts.AsNoTracking().Where(d => d.ScopeUnitId == scopeUnitId && d.Year <= year && d.Key == "")
                .OrderByDescending(d => d.Year).FirstOrDefaultAsync(ct);
            return new ReportDraft
            {
                ScopeUnitId = scopeUnitId, Year = year, Key = key,
                SignerAuthority = signer?.SignerAuthority ?? "", SignerPosition = signer?.SignerPosition ?? "",
                SignerName = signer?.SignerName ?? "", Recipients = signer?.Recipients ?? "",
            };
        }
        var draft = await db.ReportDrafts.AsNoTracking()
            .Where(d => d.ScopeUnitId == scopeUnitId && d.Year <= year && d.Key == "")
            .OrderByDescending(d => d.Year)
            .FirstOrDefaultAsync(ct);
        if (draft is null) return new ReportDraft { ScopeUnitId = scopeUnitId, Year = year };
        if (draft.Year == year) return draft;

        var previous = draft.Year.ToString(CultureInfo.InvariantCulture);
        var carried = new ReportDraft
        {
            ScopeUnitId = scopeUnitId,
            Year = year,
            Summary = draft.Summary.Replace(previous, year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            SignerAuthority = draft.SignerAuthority,
            SignerPosition = draft.SignerPosition,
            SignerName = draft.SignerName,
            Recipients = draft.Recipients,
            CarriedFromYear = draft.Year,
        };
        foreach (var block in ReportDraft.Blocks) carried[block] = draft[block];
        return carried;
    }

    /// <summary>Stores the text as the draft of its year, unless another version was saved since <see cref="DraftInput.ExpectedVersion"/>.</summary>
    /// <exception cref="RefusedException">The text is not acceptable; nothing is stored.</exception>
    public static async Task<DraftSaveResult> SaveAsync(DanVanDbContext db, DraftInput input, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<Refusal>();
        if (input.Year is < 2000 or > 2100) problems.Add(Refusal.Of("reports.year", Where.AtField("year"), ("year", input.Year)));
        if (!await db.Units.AnyAsync(u => u.Id == input.ScopeUnitId, ct)) problems.Add(Refusal.Of("reports.unknownUnit", Where.AtField("scopeUnitId"), ("unit", input.ScopeUnitId)));
        foreach (var (block, text) in input.Blocks)
        {
            if (Clean(text).Length > ReportDraft.MaxBlockLength)
                problems.Add(Refusal.Of("reports.tooLong", Where.AtField(block.ToString()), ("max", ReportDraft.MaxBlockLength)));
        }
        foreach (var (name, text) in new[] { ("summary", input.Summary), ("signerAuthority", input.SignerAuthority), ("signerPosition", input.SignerPosition), ("signerName", input.SignerName) })
        {
            if (Clean(text).Length > ReportDraft.MaxLineLength) problems.Add(Refusal.Of("reports.tooLong", Where.AtField(name), ("max", ReportDraft.MaxLineLength)));
        }
        if (Clean(input.Recipients).Length > ReportDraft.MaxBlockLength) problems.Add(Refusal.Of("reports.tooLong", Where.AtField("recipients"), ("max", ReportDraft.MaxBlockLength)));
        if (input.Key.Length > ReportDraft.MaxKey) problems.Add(Refusal.Of("reports.tooLong", Where.AtField("key"), ("max", ReportDraft.MaxKey)));
        if (problems.Count > 0) throw new RefusedException(problems);

        var draft = await db.ReportDrafts.SingleOrDefaultAsync(d => d.ScopeUnitId == input.ScopeUnitId && d.Year == input.Year && d.Key == input.Key, ct);
        if (draft is null)
        {
            if (input.ExpectedVersion != 0) return new(DraftSaveOutcome.Conflict, 0);
            draft = new ReportDraft { ScopeUnitId = input.ScopeUnitId, Year = input.Year, Key = input.Key };
            db.ReportDrafts.Add(draft);
        }
        else
        {
            if (draft.Version != input.ExpectedVersion) return new(DraftSaveOutcome.Conflict, draft.Version);
            // Checked again by the database: a save between our read and our write loses the race here.
            db.Entry(draft).Property(d => d.Version).OriginalValue = input.ExpectedVersion;
        }

        var before = Fields(draft);
        draft.Summary = Clean(input.Summary);
        foreach (var block in ReportDraft.Blocks)
            draft[block] = Clean(input.Blocks.GetValueOrDefault(block));
        draft.SignerAuthority = Clean(input.SignerAuthority);
        draft.SignerPosition = Clean(input.SignerPosition);
        draft.SignerName = Clean(input.SignerName);
        draft.Recipients = Clean(input.Recipients);
        draft.Version = input.ExpectedVersion + 1;
        draft.UpdatedAt = at;
        draft.UpdatedBy = user;
        // The trail keeps the fields that changed, before and after (the texts themselves, cut when very long).
        var after = Fields(draft);
        var changed = after.Keys.Where(k => before.GetValueOrDefault(k) != after[k]).ToList();
        AuditTrail.Record(db, new AuditLine(user, at, "report.draft", AuditSubject.Of(draft))
        {
            Old = Describe(before, changed, input.ExpectedVersion),
            New = Describe(after, changed, draft.Version),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another save of the same draft won: a newer version, or a first save of the same year.
            db.ChangeTracker.Clear();
            var stored = await db.ReportDrafts.AsNoTracking()
                .Where(d => d.ScopeUnitId == input.ScopeUnitId && d.Year == input.Year && d.Key == input.Key)
                .Select(d => (int?)d.Version).SingleOrDefaultAsync(ct);
            if (stored is null) throw;
            return new(DraftSaveOutcome.Conflict, stored.Value);
        }
        return new(DraftSaveOutcome.Saved, draft.Version);
    }

    private static Dictionary<string, string> Fields(ReportDraft d)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = d.Summary, ["signerAuthority"] = d.SignerAuthority, ["signerPosition"] = d.SignerPosition,
            ["signerName"] = d.SignerName, ["recipients"] = d.Recipients,
        };
        foreach (var block in ReportDraft.Blocks) fields[block.ToString()] = d[block];
        return fields;
    }

    private static string Describe(Dictionary<string, string> fields, List<string> changed, int version) =>
        $"v{version}" + string.Concat(changed.Select(k => $"\n[{k}] {fields[k]}"));

    /// <summary>Text as stored: NFC, line feeds only, no trailing white space on lines, trimmed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var lines = VietnameseFormat.Nfc(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        return string.Join('\n', lines.Select(l => l.TrimEnd())).Trim('\n', ' ', '\t');
    }
}
