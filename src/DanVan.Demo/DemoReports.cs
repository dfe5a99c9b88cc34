using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Reports;
using DanVan.Reports.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Demo;

/// <summary>The province's call for the districts' reports of the first year, answered as districts do: most on time, one late, some not at all.</summary>
internal static class DemoReports
{
    /// <summary>Đồng Hới: left unsent, so its demo coordinator (donghoi.tonghop) can send it from the obligations board.</summary>
    public const string LeftToSend = "450";

    /// <summary>Opens the call (January after the year) and sends each district's report whose figures are final; returns (sent, owed).</summary>
    public static async Task<(int Sent, int Owed)> SeedAsync(DanVanDbContext db, int provinceId, int year, string coordinator, CancellationToken ct)
    {
        var zone = ProvinceClock.FindZone(null);
        var opens = new DateOnly(year + 1, 1, 2);
        var call = await ReportCalls.OpenAsync(db, new OpenReportCall(null, year, provinceId, OrgUnitKind.District, opens, opens.AddDays(18)),
            coordinator, At(opens), ct);
        var submissions = await db.ReportSubmissions.Include(s => s.Unit).Include(s => s.Call).ThenInclude(c => c!.ScopeUnit)
            .Where(s => s.CallId == call.Id).OrderBy(s => s.Unit!.Code).ToListAsync(ct);
        var sent = 0;
        foreach (var s in submissions.Where(s => s.Unit!.Code != LeftToSend))
        {
            // Districts send over the window, the fifth a week late; one whose figures are not final is refused and stays unsent.
            var at = sent == 4 ? At(call.Deadline.AddDays(7)) : At(opens.AddDays(3 + 2 * sent));
            try
            {
                await ReportCalls.SendAsync(db, s, $"tonghop.{s.Unit!.Code}", at, zone, ct: ct);
            }
            catch (DanVan.Refusals.RefusedException)
            {
                continue;
            }
            if (sent % 2 == 0) await ReportCalls.AcceptAsync(db, s, coordinator, at.AddDays(1), ct: ct);
            sent++;
        }
        return (sent, submissions.Count);
    }

    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 30), DateTimeKind.Utc);
}
