using DanVan.Refusals;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Demo;

/// <summary>Creates the demo province: units with their 2025 mergers, groups, two criteria sets, and scored periods.</summary>
/// <remarks>
/// Everything goes through the core services (criteria import, period opening, entries, workflow), so the demo
/// also has a realistic audit trail. The last year is in progress: approved results with appraisal adjustments,
/// appraised ones, self-claimed submissions (some late), returned, drafts and units not started; earlier years
/// are closed. The same seed gives the same data.
/// </remarks>
public static class DemoData
{
    /// <summary>Code of the demo province unit.</summary>
    public const string ProvinceCode = DemoProvince.ProvinceCode;

    private const string Coordinator = "snv.tonghop";

    /// <summary>The district of the demo's district coordinator (Đồng Hới).</summary>
    public const string DemoDistrictCode = DemoReports.LeftToSend;
    private const int Batch = 200;

    /// <summary>True when the demo province or its criteria sets are already in the database.</summary>
    public static async Task<bool> ExistsAsync(DanVanDbContext db, CancellationToken ct = default) =>
        await db.Units.AnyAsync(u => u.Code == ProvinceCode, ct)
        || await db.CriteriaSets.AnyAsync(s => s.Key == DemoCriteria.AgenciesKey || s.Key == DemoCriteria.LocalKey, ct);

    /// <summary>Creates the demo province in one transaction; refuses when it (or a unit with one of its codes) exists.</summary>
    /// <exception cref="RefusedException">Invalid options, or demo data already there; nothing is stored.</exception>
    public static async Task<DemoSummary> SeedAsync(DanVanDbContext db, DemoOptions options, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        var problems = new List<Refusal>();
        if (options.Scale is < 1 or > 500) problems.Add(Refusal.Of("demo.scale", Where.AtField("scale"), ("scale", options.Scale)));
        if (options.Years is < 1 or > 10) problems.Add(Refusal.Of("demo.years", Where.AtField("years"), ("years", options.Years)));
        if (options.FirstYear is < 2000 or > 2090) problems.Add(Refusal.Of("demo.firstYear", Where.AtField("firstYear"), ("year", options.FirstYear)));
        if (problems.Count > 0) throw new RefusedException(problems);

        var (plan, successionPlan) = DemoProvince.Plan(options.Scale);
        await RefuseExistingAsync(db, plan, ct);

        var rng = new Random(options.Seed);
        await using var tx = await db.BeginOwnTransactionAsync(ct);
        try
        {
            var byCode = await AddUnitsAsync(db, plan, successionPlan, progress, ct);
            var provinceId = byCode[ProvinceCode].Id;
            var groupIds = await db.Groups.Where(g => DemoProvince.Groups.Select(x => x.Code).Contains(g.Code))
                .ToDictionaryAsync(g => g.Code, g => g.Id, ct);

            var agencies = DemoCriteria.Agencies();
            var local = DemoCriteria.LocalGovernments();
            var (storedAgencies, _) = await CriteriaSetStore.ImportAsync(db, Valid(agencies), ct);
            var (storedLocal, _) = await CriteriaSetStore.ImportAsync(db, Valid(local), ct);
            var sets = new Dictionary<int, CriteriaSet> { [storedAgencies.Id] = agencies, [storedLocal.Id] = local };
            progress?.Report($"Bộ tiêu chí: {agencies.Name}; {local.Name}");

            // The reception log the criteria of set 01 are checked against (4.2) and count from (D2); its own random stream.
            var receptions = await DemoRegistries.SeedAsync(db, agencies.AppliesTo, options.FirstYear, options.Years, options.Seed + 1, ct);
            progress?.Report($"Sổ tiếp công dân: {receptions} lượt tiếp");

            var profiles = plan.Where(p => p.Group is not null)
                .ToDictionary(p => p.Code, p => UnitProfile.Create(rng, p));
            db.ChangeTracker.Clear();

            var periods = new List<DemoPeriod>();
            for (var y = 0; y < options.Years; y++)
            {
                var year = options.FirstYear + y;
                var last = y == options.Years - 1;
                var period = await Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(
                    year,
                    $"Đánh giá, xếp loại công tác dân vận chính quyền năm {year}",
                    provinceId,
                    new DateOnly(year, 11, 1),
                    new DateOnly(year, 11, 30),
                    AcceptLate: true,
                    [
                        new(groupIds["so-ban-nganh"], storedAgencies.Id),
                        new(groupIds["dvsn"], storedAgencies.Id),
                        new(groupIds["cap-huyen"], storedLocal.Id),
                        new(groupIds["cap-xa"], storedLocal.Id),
                    ]), Coordinator, ct);
                db.ChangeTracker.Clear();
                progress?.Report($"Kỳ đánh giá {year}: {period.Assessments.Count} đơn vị");

                var previous = await PeriodResultsQuery.PreviousBandsAsync(db, period, ct);
                var ids = (await db.Assessments.Where(a => a.PeriodId == period.Id).Select(a => new { a.Id, a.Unit!.Code }).ToListAsync(ct))
                    .OrderBy(x => x.Code, StringComparer.Ordinal).Select(x => x.Id).ToList();
                var linked = await db.Assessments.Where(a => a.PeriodId == period.Id && a.CriteriaSetId == storedAgencies.Id).Select(a => a.UnitId).ToListAsync(ct);
                var figures = await DemoRegistries.FiguresAsync(db, agencies, linked, period.WindowFrom, period.WindowTo, ct);
                var scorer = new DemoScorer(db, rng, Coordinator);
                for (var i = 0; i < ids.Count; i += Batch)
                {
                    var chunk = ids.Skip(i).Take(Batch).ToList();
                    var batch = (await db.Assessments.Include(a => a.Entries).Include(a => a.Unit).Where(a => chunk.Contains(a.Id)).ToListAsync(ct))
                        .OrderBy(a => a.Unit!.Code, StringComparer.Ordinal);
                    foreach (var a in batch)
                    {
                        var profile = profiles[a.Unit!.Code];
                        scorer.Score(a, sets[a.CriteriaSetId], period, profile, y, last, previous.GetValueOrDefault(a.UnitId), figures.GetValueOrDefault(a.UnitId));
                    }
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    progress?.Report($"Chấm điểm năm {year}: {Math.Min(i + Batch, ids.Count)}/{ids.Count}");
                }

                var statuses = await db.Assessments.Where(a => a.PeriodId == period.Id).Select(a => new { a.Status, a.IsLate }).ToListAsync(ct);
                periods.Add(new DemoPeriod(period.Id, year, period.Name, statuses.Count,
                    statuses.GroupBy(s => s.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
                    statuses.Count(s => s.IsLate)));
            }

            var forms = await DemoStatistics.SeedAsync(db, provinceId, options.FirstYear, options.Years, rng, Coordinator, ct);
            progress?.Report($"Phụ lục số liệu: {forms} biểu mẫu");

            var (sentReports, owedReports) = await DemoReports.SeedAsync(db, provinceId, options.FirstYear, Coordinator, ct);
            progress?.Report($"Báo cáo năm {options.FirstYear} gửi tỉnh: {sentReports}/{owedReports} huyện đã gửi");

            if (tx is not null) await tx.CommitAsync(ct);
            var periodIds = periods.Select(p => p.Id).ToList();
            return new DemoSummary(
                ProvinceCode,
                DemoProvince.ProvinceName,
                plan.Count,
                DemoProvince.Groups.Length,
                successionPlan.Count,
                [DemoCriteria.AgenciesKey, DemoCriteria.LocalKey],
                periods,
                await db.Entries.CountAsync(e => db.Assessments.Any(a => a.Id == e.AssessmentId && periodIds.Contains(a.PeriodId)), ct),
                await db.Audit.CountAsync(ct));
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private static async Task RefuseExistingAsync(DanVanDbContext db, List<DemoProvince.Planned> plan, CancellationToken ct)
    {
        if (await db.Units.AnyAsync(u => u.Code == ProvinceCode, ct))
        {
            var name = await db.Units.Where(u => u.Code == ProvinceCode).Select(u => u.Name).SingleAsync(ct);
            throw new RefusedException("demo.provinceExists", Where.Request, ("code", ProvinceCode), ("name", name));
        }
        if (await db.CriteriaSets.AnyAsync(s => s.Key == DemoCriteria.AgenciesKey || s.Key == DemoCriteria.LocalKey, ct))
            throw new RefusedException("demo.criteriaExist", Where.Request);
        var existing = (await db.Units.Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var clashes = plan.Where(p => existing.Contains(p.Code)).Select(p => p.Code).Take(5).ToList();
        if (clashes.Count > 0)
            throw new RefusedException("demo.codesTaken", Where.Request, ("codes", string.Join(", ", clashes)));
    }

    private static async Task<Dictionary<string, OrgUnit>> AddUnitsAsync(DanVanDbContext db, List<DemoProvince.Planned> plan,
        List<DemoProvince.PlannedSuccession> successions, IProgress<string>? progress, CancellationToken ct)
    {
        var groups = await db.Groups.ToDictionaryAsync(g => g.Code, ct);
        for (var i = 0; i < DemoProvince.Groups.Length; i++)
        {
            var (code, name) = DemoProvince.Groups[i];
            if (groups.ContainsKey(code)) continue;
            groups[code] = new UnitGroup { Code = code, Name = name, SortOrder = i + 1 };
            db.Groups.Add(groups[code]);
        }

        var byCode = new Dictionary<string, OrgUnit>(StringComparer.Ordinal);
        foreach (var p in plan)
        {
            var unit = new OrgUnit
            {
                Code = p.Code,
                Name = p.Name,
                ShortName = p.ShortName,
                Kind = p.Kind,
                Parent = p.ParentCode is null ? null : byCode[p.ParentCode],
                ValidFrom = p.ValidFrom,
                ValidTo = p.ValidTo,
            };
            if (p.Group is not null) unit.Groups.Add(groups[p.Group]);
            db.Units.Add(unit);
            byCode[p.Code] = unit;
        }
        await db.SaveChangesAsync(ct);

        foreach (var s in successions)
        {
            db.Successions.Add(new UnitSuccession
            {
                PredecessorId = byCode[s.Predecessor].Id,
                SuccessorId = byCode[s.Successor].Id,
                EffectiveOn = DemoProvince.MergedFrom,
                Kind = s.Kind,
                Decision = DemoProvince.MergerResolution,
            });
        }
        await db.SaveChangesAsync(ct);
        progress?.Report($"Đơn vị: {plan.Count} ({plan.Count(p => p.Kind == OrgUnitKind.Commune && p.ValidTo is not null)} xã trước, "
            + $"{plan.Count(p => p.ValidFrom == DemoProvince.MergedFrom)} xã sau sắp xếp ngày 01/07/2025)");
        return byCode;
    }

    private static CriteriaSet Valid(CriteriaSet set)
    {
        var errors = CriteriaSetValidator.Validate(set);
        return errors.Count == 0
            ? set
            : throw new InvalidOperationException($"demo criteria set {set.Id} is invalid: {string.Join("; ", errors.Select(e => Refusals.RefusalText.RenderWithPlace(e, Refusals.RefusalText.English)))}");
    }
}
