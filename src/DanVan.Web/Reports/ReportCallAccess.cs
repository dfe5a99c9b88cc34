using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Reports;
using DanVan.Reports.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Reports;

/// <summary>
/// Who sees a call and a report sent up, for the pages and the API alike: null (404) outside them, so no path tells
/// whether another unit's call or report exists.
/// </summary>
public static class ReportCallAccess
{
    /// <summary>The call with its asking unit, when the user reads the asking unit's reports.</summary>
    public static async Task<ReportCall?> FindCallAsync(DanVanDbContext db, Permissions permissions, UserScope user, int id, CancellationToken ct = default)
    {
        var call = await db.ReportCalls.AsNoTracking().Include(c => c.ScopeUnit).SingleOrDefaultAsync(c => c.Id == id, ct);
        return call is not null && permissions.May(user, ReportPermissions.Read, new Target(call.ScopeUnit!.Path)) ? call : null;
    }

    /// <summary>
    /// The submission with its unit, call and asking unit, when the user may send it (the unit's coordinator or head),
    /// reads the unit's reports, or reads the asking unit's reports.
    /// </summary>
    public static async Task<ReportSubmission?> FindSubmissionAsync(DanVanDbContext db, Permissions permissions, UserScope user, int id,
        bool tracked = false, CancellationToken ct = default)
    {
        var query = db.ReportSubmissions.Include(s => s.Unit).Include(s => s.Call).ThenInclude(c => c!.ScopeUnit).Where(s => s.Id == id);
        var s = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        if (s is null) return null;
        var unit = new Target(s.Unit!.Path);
        return MaySend(permissions, user, s) || permissions.May(user, ReportPermissions.Read, unit)
            || permissions.May(user, ReportPermissions.Read, new Target(s.Call!.ScopeUnit!.Path)) ? s : null;
    }

    /// <summary>True when the user signs for the unit and may send its report.</summary>
    public static bool MaySend(Permissions permissions, UserScope user, ReportSubmission s) =>
        permissions.May(user, ReportPermissions.Send, new Target(s.Unit?.Path ?? throw new InvalidOperationException("load the unit")));

    /// <summary>True when the user receives for the asking unit (accepts and returns).</summary>
    public static bool MayReceive(Permissions permissions, UserScope user, ReportCall call) =>
        permissions.May(user, ReportPermissions.Receive, new Target(call.ScopeUnit?.Path ?? throw new InvalidOperationException("load the asking unit")));
}
