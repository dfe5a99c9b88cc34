using DanVan.Data;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Demo;

/// <summary>
/// The demo's statistics appendix: the shipped 001 appendix form, renamed for the demo province and owed by districts
/// and communes, filled for every year with plausible figures through the core's filling cycle. Earlier years are
/// accepted; the last is in progress (accepted, submitted — some late —, returned, confirmed, drafts, not started).
/// </summary>
public static class DemoStatistics
{
    /// <summary>Code of the demo's form.</summary>
    public const string FormCode = "dvcq-phu-luc-nam";

    private static readonly TimeZoneInfo Zone = DanVan.Periods.ProvinceClock.FindZone(null);

    /// <summary>The demo's form definition.</summary>
    public static FormDefinition Form()
    {
        using var stream = typeof(DemoStatistics).Assembly.GetManifestResourceStream("DanVan.Demo.appendix.json")
            ?? throw new InvalidOperationException("the appendix sample is not embedded");
        using var reader = new StreamReader(stream);
        var sample = FormDefinitionFile.Parse(reader.ReadToEnd()).Form!;
        // The sample's headers name 2018; the demo's form serves every year.
        static string Yearless(string text) => text.Replace(" năm 2018", "", StringComparison.Ordinal)
            .Replace("so với năm 2017", "so với năm trước", StringComparison.Ordinal).Replace(" (tính đến ngày 30/10/2018)", "", StringComparison.Ordinal);
        static FormColumn Column(FormColumn c) => c with { Header = Yearless(c.Header), Columns = [.. c.Columns.Select(Column)] };
        return sample with
        {
            Sections = [.. sample.Sections.Select(s => s with { Columns = [.. s.Columns.Select(Column)] })],
            Code = FormCode,
            UnitGroups = ["cap-huyen", "cap-xa"],
            Document = new() { Kind = "Hướng dẫn", Number = "01/HD-SNV (demo)", Date = new DateOnly(2023, 10, 2), Issuer = "Sở Nội vụ tỉnh Quảng Bình (demo)", Title = "Phụ lục số liệu kèm theo báo cáo công tác dân vận chính quyền" },
            Sources = null,
        };
    }

    /// <summary>Imports the form, opens one period per year for the province and fills it; returns the number of reports.</summary>
    public static async Task<int> SeedAsync(DanVanDbContext db, int provinceId, int firstYear, int years, Random rng, string coordinator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rng);
        var stored = await FormLibrary.ImportAsync(db, FormDefinitionFile.Serialize(Form()), null, coordinator, new DateTime(firstYear, 10, 2, 2, 0, 0, DateTimeKind.Utc), ct);
        var count = 0;
        for (var y = 0; y < years; y++)
        {
            var year = firstYear + y;
            var last = y == years - 1;
            var period = await FormPeriods.OpenAsync(db, new OpenFormPeriodRequest(stored.Id, year, 1, provinceId, new DateOnly(year, 12, 1)), coordinator,
                new DateTime(year, 11, 30, 2, 0, 0, DateTimeKind.Utc), ct);
            db.ChangeTracker.Clear();
            // Communes first (a district's own form is submitted after its communes'), each unit in code order.
            var reports = await db.FormReports.Where(r => r.PeriodId == period.Id)
                .Select(r => new { r.Id, r.Unit!.Kind, r.Unit.Code }).ToListAsync(ct);
            foreach (var r in reports.OrderByDescending(r => r.Kind).ThenBy(r => r.Code, StringComparer.Ordinal))
            {
                var report = (await FormFilling.LoadAsync(db, r.Id, ct))!;
                await FillAsync(db, report, rng, year, y, last, coordinator, ct);
                db.ChangeTracker.Clear();
                count++;
            }
        }
        return count;
    }

    private static async Task FillAsync(DanVanDbContext db, FormReport r, Random rng, int year, int age, bool last, string coordinator, CancellationToken ct)
    {
        // Where the last year's form stands: most submitted, some accepted, a few returned, drafts or untouched.
        var roll = rng.NextDouble();
        if (last && roll < 0.06) return; // not started
        var day = new DateTime(year, 12, 3 + rng.Next(0, 9), 2, 0, 0, DateTimeKind.Utc);
        var late = last && roll > 0.9;
        if (late) day = day.AddDays(14);
        var clerk = "demo.canbo";
        var district = r.Unit!.Kind == DanVan.OrgUnits.OrgUnitKind.District;
        await FormFilling.SaveAsync(db, r, new FormChanges(Values(rng, district, age), Explanations()), clerk, day, Zone, null, ct);
        if (last && roll < 0.12) return; // a draft
        await FormFilling.ConfirmAsync(db, r, "demo.thutruong", day, null, ct);
        if (last && roll < 0.16) return; // confirmed, not sent
        try
        {
            await FormFilling.SubmitAsync(db, r, clerk, day, Zone, null, ct);
        }
        catch (DanVan.Refusals.RefusedException)
        {
            return; // a rule the random figures broke: the form stays confirmed, as a real one would until fixed
        }
        if (last && roll < 0.2)
        {
            await FormFilling.ReturnAsync(db, r, "Số lượt tiếp công dân chưa khớp sổ tiếp công dân; đề nghị rà soát.", coordinator, day.AddDays(2), ct);
            return;
        }
        if (!last || roll < 0.6) await FormFilling.AcceptAsync(db, r, coordinator, day.AddDays(3), ct);
    }

    private static Dictionary<string, string?> Explanations() => new() { ["visitorsPerReception"] = "Một số buổi tiếp không có công dân đến." };

    private static Dictionary<string, IndicatorValue?> Values(Random rng, bool district, int age)
    {
        int Between(int min, int max) => rng.Next(min, max + 1);
        var households = district ? Between(800, 2500) : Between(1200, 6000);
        var poor = (int)(households * (0.02 + (rng.NextDouble() * 0.09) - (age * 0.01)));
        var receptions = district ? Between(40, 160) : Between(8, 60);
        var dialogues = Between(0, 4);
        var v = new Dictionary<string, IndicatorValue?>
        {
            ["households"] = new NumberValue(households),
            ["poorHouseholds"] = new NumberValue(Math.Max(poor, 0)),
            ["receptions"] = new NumberValue(receptions),
            ["receptionVisitors"] = new NumberValue(receptions + Between(0, receptions / 2)),
            ["receptionsByChairman"] = new NumberValue(Between(receptions / 8, receptions / 3)),
            ["dialogues"] = new NumberValue(dialogues),
            ["dialogueParticipants"] = new NumberValue(dialogues * Between(15, 60)),
            ["dialoguesByChairman"] = new NumberValue(Between(0, dialogues)),
            ["petitionsEscalated"] = new NumberValue(Between(0, 2)),
            ["petitionsResolved"] = new NumberValue(Between(0, 12)),
        };
        if (district)
        {
            // A district's own figures: its procedures, staff and inspections; communes' rows add up beneath it.
            v["proceduresCut"] = new NumberValue(Between(15, 80));
            v["proceduresCutRate"] = new NumberValue(Math.Round(20m + (decimal)rng.NextDouble() * 25m, 1));
            var units = Between(20, 30);
            v["satisfactionUnits"] = new RatioValue(Between(units / 2, units), units);
            v["civilServantsCut"] = new NumberValue(Between(0, 8));
            v["publicEmployeesCut"] = new NumberValue(Between(0, 15));
            v["inspections"] = new NumberValue(Between(1, 6));
            v["petitionsResolvedRate"] = new NumberValue(Math.Round(85m + (decimal)rng.NextDouble() * 15m, 1));
        }
        else
        {
            var achieved = rng.NextDouble() < 0.45 + (age * 0.1);
            v["ntmScope"] = new RatioValue(1, 1);
            v["ntmCommunes"] = new NumberValue(achieved ? 1 : 0);
            v["proceduresCut"] = new NumberValue(Between(0, 4));
        }
        return v;
    }
}
