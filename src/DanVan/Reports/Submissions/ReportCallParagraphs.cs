using DanVan.Data;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Reports.Submissions;

/// <summary>
/// The part of II.1 about the reports the scope asked of the level below in the years reported: how many came in, which came
/// late, which are missing — counted from the calls as the board counts them, never typed.
/// </summary>
public static class ReportCallParagraphs
{
    /// <summary>The lead and one line per call the scope opened for a year of <paramref name="span"/>; empty when it opened none.</summary>
    public static async Task<IReadOnlyList<DocumentBlock>> LoadAsync(DanVanDbContext db, OrgUnit scope, ReportSpan span, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        int first = span.From.Year, last = span.To.Year;
        var calls = await db.ReportCalls.AsNoTracking()
            .Where(c => c.ScopeUnitId == scope.Id && c.Year >= first && c.Year <= last)
            .OrderBy(c => c.Year).ThenBy(c => c.Id)
            .Select(c => new { c.Name, c.Deadline, Submissions = c.Submissions.Select(s => new { s.Status, s.IsLate, s.Unit!.Code, s.Unit.Name }).ToList() })
            .ToListAsync(ct);
        if (calls.Count == 0) return [];
        var blocks = new List<DocumentBlock> { new ListItemBlock(ListMarker.Dash, ReportPhrases.CallsLead) };
        foreach (var call in calls)
        {
            var subs = call.Submissions.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
            var progress = ReportCallProgress.Of(subs.Select(s => (s.Status, s.IsLate)).ToList());
            List<string> Named(Func<ReportSubmissionStatus, bool, bool> which) => [.. subs.Where(s => which(s.Status, s.IsLate)).Select(s => s.Name)];
            blocks.Add(new ParagraphBlock(ReportPhrases.CallReceived(call.Name, call.Deadline, progress.Sent, progress.Units,
                Named((status, late) => late && !ReportSubmission.IsOpenStatus(status)),
                Named((status, _) => status == ReportSubmissionStatus.NotSent),
                Named((status, _) => status == ReportSubmissionStatus.Returned))));
        }
        return blocks;
    }
}
