using System.Security.Cryptography;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Registries;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Demo;

/// <summary>
/// The demo's reception log: the periodic receptions chaired by the heads of the units scored by set 01 (whose 4.2 is
/// checked against them) and a few delegations (which D2 counts), recorded through the reception log every year.
/// </summary>
/// <remarks>
/// Most heads receive citizens every month; some fall short; the demo agency holds 3 periodic receptions in the last
/// year, so its self-assessment shows a contradiction as soon as it claims full points on 4.2. Its own random
/// stream keeps the rest of the demo as it was.
/// </remarks>
public static class DemoRegistries
{
    /// <summary>The demo agency (Văn phòng UBND tỉnh), whose unit user and head the web demo signs in as.</summary>
    public const string DemoAgencyCode = "000.00.01.H44";

    /// <summary>The demo agency's periodic receptions chaired by its head in the last year.</summary>
    public const int DemoAgencyPeriodicReceptions = 3;

    /// <summary>Records the receptions of every unit of <paramref name="groups"/> for each year; returns the number recorded.</summary>
    public static async Task<int> SeedAsync(DanVanDbContext db, IReadOnlyCollection<string> groups, int firstYear, int years, int seed, CancellationToken ct)
    {
        var rng = new Random(seed);
        // No citizen is named, so no ID number is encrypted; the key only satisfies the log's signature.
        var protector = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32));
        var count = 0;
        for (var y = 0; y < years; y++)
        {
            var year = firstYear + y;
            var last = y == years - 1;
            // Loaded afresh each year: the context is cleared between years to keep it small.
            db.ChangeTracker.Clear();
            var units = (await db.Units.Where(u => u.Groups.Any(g => groups.Contains(g.Code))).ToListAsync(ct))
                .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
            foreach (var unit in units)
            {
                var periodic = last && unit.Code == DemoAgencyCode ? DemoAgencyPeriodicReceptions
                    : rng.NextDouble() < 0.8 ? 12 : rng.Next(6, 12);
                var delegations = (last && unit.Code == DemoAgencyCode) || rng.NextDouble() < 0.08 ? 1 : 0;
                for (var month = 1; month <= periodic; month++)
                {
                    // On the 10th: inside the annual data window (15/12 of the year before to 14/12).
                    var day = new DateOnly(year, month, 10);
                    await ReceptionLog.RecordAsync(db, unit, new ReceptionInput
                    {
                        ReceivedOn = day, Kind = "định kỳ", ByHead = true, ReceivedByName = "Thủ trưởng cơ quan", ReceivedByPosition = "Thủ trưởng",
                        Place = "Trụ sở tiếp công dân", VisitorCount = rng.Next(1, 6),
                        Summary = Summaries[rng.Next(Summaries.Length)], MatterKind = rng.NextDouble() < 0.7 ? "kiến nghị" : "phản ánh",
                        Outcome = rng.NextDouble() < 0.6 ? "giải thích" : "hướng dẫn",
                    }, Actor(day, protector), ct);
                    count++;
                }
                for (var i = 0; i < delegations; i++)
                {
                    var day = new DateOnly(year, 6, 10 + i);
                    await ReceptionLog.RecordAsync(db, unit, new ReceptionInput
                    {
                        ReceivedOn = day, Kind = "đột xuất", ReceivedByName = "Phó Thủ trưởng cơ quan", VisitorCount = rng.Next(10, 30), IsDelegation = true,
                        Summary = "Khiếu nại về bồi thường, hỗ trợ giải phóng mặt bằng", MatterKind = "khiếu nại", Outcome = "tiếp nhận đơn",
                    }, Actor(day, protector), ct);
                    count++;
                }
            }
        }
        db.ChangeTracker.Clear();
        return count;
    }

    /// <summary>The figures set <paramref name="set"/> names for each of <paramref name="unitIds"/> over [from, to].</summary>
    public static async Task<Dictionary<int, IReadOnlyDictionary<string, IndicatorValue>>> FiguresAsync(DanVanDbContext db, CriteriaSet set,
        IReadOnlyCollection<int> unitIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var result = new Dictionary<int, IReadOnlyDictionary<string, IndicatorValue>>();
        var paths = await db.Units.Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToListAsync(ct);
        foreach (var u in paths) result[u.Id] = await RegistryChecks.FiguresAsync(db, set, u.Path, from, to, ct);
        return result;
    }

    private static RegistryActor Actor(DateOnly day, PersonalDataProtector protector) =>
        new("vanthu.tiepcongdan", day.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), TimeZoneInfo.Utc, protector);

    private static readonly string[] Summaries =
    [
        "Kiến nghị về chế độ, chính sách đối với người có công",
        "Phản ánh về thủ tục cấp giấy chứng nhận quyền sử dụng đất",
        "Kiến nghị về thời gian giải quyết hồ sơ hành chính",
        "Phản ánh về thái độ phục vụ của công chức",
    ];
}
