using DanVan.OrgUnits;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Statistics;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Registries;

/// <summary>The work registries stored: located refusals, versions and audit, owners on today's hierarchy, figures in SQL, imports all or nothing.</summary>
public abstract class WorkRegistryTests(TestDatabase db) : DatabaseTest(db)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly DateTime Now = new(2025, 12, 20, 3, 0, 0, DateTimeKind.Utc);
    private static readonly WorkActor Clerk = new("tonghop", Now, Zone);
    private readonly TestDatabase _db = db;
    private (OrgUnit Province, OrgUnit Agency, OrgUnit OldDistrict, OrgUnit OldCommune, OrgUnit NewCommune, OrgUnit Other) _w;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = _db.NewContext();
        var p = new OrgUnit { Code = "44", Name = "Tỉnh Quảng Bình", Kind = OrgUnitKind.Province };
        var a = new OrgUnit { Code = "44.NV", Name = "Sở Nội vụ", Kind = OrgUnitKind.ProvincialAgency, Parent = p };
        var d = new OrgUnit { Code = "44.LT", Name = "UBND huyện Lệ Thủy", Kind = OrgUnitKind.District, Parent = p, ValidTo = new DateOnly(2025, 6, 30) };
        var c = new OrgUnit { Code = "44.LT.MT", Name = "UBND xã Mai Thủy", Kind = OrgUnitKind.Commune, Parent = d, ValidTo = new DateOnly(2025, 6, 30) };
        var n = new OrgUnit { Code = "44.X1", Name = "UBND xã Lệ Thủy", Kind = OrgUnitKind.Commune, Parent = p, ValidFrom = new DateOnly(2025, 7, 1) };
        var o = new OrgUnit { Code = "45", Name = "Tỉnh Quảng Trị", Kind = OrgUnitKind.Province };
        db.AddRange(p, a, d, c, n, o);
        await db.SaveChangesAsync();
        db.Successions.Add(new UnitSuccession { PredecessorId = c.Id, SuccessorId = n.Id, EffectiveOn = new DateOnly(2025, 7, 1), Kind = SuccessionKind.Merge });
        await db.SaveChangesAsync();
        _w = (p, a, d, c, n, o);
    }

    private static DanVanModelInput Model(string name = "Dân vận khéo trong cải cách hành chính", string field = "kinh tế", int year = 2019, params AwardInput[] awards) => new()
    {
        ModelName = name, Field = field, YearStarted = year, Awards = awards,
    };

    private static async Task<OrgUnit> Unit(DanVan.Data.DanVanDbContext db, OrgUnit u) => await db.Units.SingleAsync(x => x.Id == u.Id);

    [Fact]
    public async Task Should_refuse_a_model_with_each_problem_at_its_field_and_store_nothing()
    {
        await using var db = _db.NewContext();
        var input = new DanVanModelInput
        {
            Field = "", YearStarted = 2030, ModelLevel = "quốc gia", ModelStatus = "tạm dừng", CoOwners = ["45", "không có"],
            Awards = [new AwardInput("tỉnh", "", new DateOnly(2018, 1, 1), "tập thể"), new AwardInput("tỉnh", "1/QĐ", new DateOnly(2026, 1, 1), "nhóm")],
        };
        var agency = await Unit(db, _w.Agency);
        var e = await Should.ThrowAsync<RefusedException>(() => DanVanModels.RecordAsync(db, agency, input, Clerk));
        e.Refusals.Select(r => (r.Code, r.Where.Key)).ShouldBe(
        [
            ("request.required", "modelName"), ("request.required", "field"), ("registries.unknownTerm", "modelLevel"), ("registries.unknownTerm", "modelStatus"),
            ("registries.work.yearOutOfRange", "yearStarted"), ("request.required", "awards[1].decision"), ("registries.unknownTerm", "awards[2].recipient"),
            ("registries.work.awardBeforeStart", "awards[1].awardedOn"), ("registries.dateInFuture", "awards[2].awardedOn"), ("registries.work.unknownUnit", "coOwners[1]"), ("registries.work.unknownUnit", "coOwners[2]"),
        ], ignoreOrder: true);
        e.Refusals.ShouldAllBe(r => RefusalText.Knows(r.Code));
        (await db.DanVanModels.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_keep_the_level_as_registered_and_show_the_owners_on_todays_hierarchy()
    {
        int id;
        await using (var db = _db.NewContext())
        {
            var m = await DanVanModels.RecordAsync(db, await Unit(db, _w.OldCommune), Model(field: "an ninh", year: 2018) with { CoOwners = ["44.LT"] },
                Clerk with { At = new DateTime(2024, 5, 1, 3, 0, 0, DateTimeKind.Utc) });
            id = m.Id;
            m.Level.ShouldBe(WorkLevel.Grassroots);
            m.Field.ShouldBe(WorkFields.Security);
        }
        await using var read = _db.NewContext();
        var model = (await DanVanModels.LoadAsync(read, id))!;
        model.Owners.Select(o => o.Code).ShouldBe(["44.LT.MT", "44.LT"], ignoreOrder: true);
        // After 1 July 2025 the commune merged into xã Lệ Thủy; the district had no successor and stays as it was.
        (await DanVanModels.OwnersTodayAsync(read, model, new DateOnly(2025, 12, 1))).Select(o => o.Code).ShouldBe(["44.X1", "44.LT"], ignoreOrder: true);
        model.Level.ShouldBe(WorkLevel.Grassroots);
    }

    [Fact]
    public async Task Should_refuse_a_stale_version_and_write_one_audit_line_per_change()
    {
        await using var db = _db.NewContext();
        var m = await DanVanModels.RecordAsync(db, await Unit(db, _w.Agency), Model(), Clerk);
        await DanVanModels.UpdateAsync(db, m, Model(name: "Mô hình mới") with { ModelStatus = "nhân rộng" }, Clerk, expectedVersion: 0);
        m.Version.ShouldBe(1);
        var stale = await Should.ThrowAsync<RefusedException>(() => DanVanModels.UpdateAsync(db, m, Model(), Clerk, expectedVersion: 0));
        stale.Refusals.Single().Code.ShouldBe("registries.staleVersion");
        var lines = await db.Audit.Where(a => a.Action.StartsWith("model.")).OrderBy(a => a.Id).ToListAsync();
        lines.Select(a => a.Action).ShouldBe(["model.record", "model.update"]);
        lines[1].NewValue.ShouldNotBeNull().ShouldContain("Nhân rộng");
    }

    [Fact]
    public async Task Should_check_plans_and_recommendations()
    {
        await using var db = _db.NewContext();
        var agency = await Unit(db, _w.Agency);
        var plan = WorkPlans.Check(new WorkPlanInput { Year = 2025, PlanKind = "dvcq", IssuedOn = new DateOnly(2023, 12, 1) }, agency, new DateOnly(2025, 12, 20));
        plan.Select(r => (r.Code, r.Where.Key)).ShouldBe([("registries.work.issuedOutsideYear", "issuedOn"), ("registries.work.numberRequired", "documentNumber")]);
        var rec = FrontRecommendations.Check(new RecommendationInput
        {
            Issuer = "Ủy ban MTTQ tỉnh", IssuerLevel = "tỉnh", IssuedOn = new DateOnly(2025, 5, 1), Topic = "Giám sát công tác tiếp công dân",
            DueOn = new DateOnly(2025, 4, 1), RespondedOn = new DateOnly(2025, 4, 2), RecommendationStatus = "không tiếp thu",
        }, agency, new DateOnly(2025, 12, 20));
        rec.Select(r => (r.Code, r.Where.Key)).ShouldBe([("registries.work.beforeIssued", "dueOn"), ("registries.work.beforeIssued", "respondedOn"), ("registries.work.reasonRequired", "reason")]);
    }

    [Fact]
    public async Task Should_compute_the_figures_of_a_scope_in_the_database()
    {
        await using (var db = _db.NewContext())
        {
            var agency = await Unit(db, _w.Agency);
            var xa = await Unit(db, _w.NewCommune);
            await DanVanModels.RecordAsync(db, agency, Model(year: 2019, awards: [new AwardInput("trung ương", "1/QĐ", new DateOnly(2020, 1, 1), "tập thể"), new AwardInput("huyện", "2/QĐ", new DateOnly(2021, 1, 1), "cá nhân")]) with { PresentedNationally = true }, Clerk);
            await DanVanModels.RecordAsync(db, xa, Model(field: "Xây dựng hệ thống chính trị", year: 2025) with { ModelStatus = "dừng" }, Clerk);
            await DanVanModels.RecordAsync(db, xa, Model(field: "Bảo vệ môi trường", year: 2025), Clerk);
            await WorkPlans.RecordAsync(db, agency, new WorkPlanInput { Year = 2025, PlanKind = "DVCQ", DocumentNumber = "12/KH-SNV", IssuedOn = new DateOnly(2025, 2, 1), DueOn = new DateOnly(2025, 1, 31) }, Clerk);
            await WorkPlans.RecordAsync(db, xa, new WorkPlanInput { Year = 2025, PlanKind = "phối hợp", DocumentNumber = "3/KH", IssuedOn = new DateOnly(2025, 1, 10) }, Clerk);
            foreach (var (answered, status) in new[] { ((DateOnly?)new DateOnly(2025, 6, 10), "đã giải quyết"), (new DateOnly(2025, 8, 1), "tiếp thu"), (null, "đang giải quyết") })
                await FrontRecommendations.RecordAsync(db, agency, new RecommendationInput
                {
                    Issuer = "Ủy ban MTTQ tỉnh", IssuerLevel = "tỉnh", IssuedOn = new DateOnly(2025, 6, 1), Topic = "Giám sát", DueOn = new DateOnly(2025, 6, 30),
                    RespondedOn = answered, RecommendationStatus = status,
                }, Clerk);
        }
        await using var read = _db.NewContext();
        var year = new FigureScope(_w.Province.Path, true, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var all = await RegistryFigures.ComputeAsync(read, year);
        Number(all, "models.count").ShouldBe(3);
        Number(all, "models.new").ShouldBe(2);
        Number(all, "models.field.economy").ShouldBe(1);
        Number(all, "models.field.politics").ShouldBe(1);
        Number(all, "models.level.province").ShouldBe(1);
        Number(all, "models.level.grassroots").ShouldBe(2);
        Number(all, "models.stopped").ShouldBe(1);
        Number(all, "models.national").ShouldBe(1);
        Number(all, "models.awarded").ShouldBe(1);
        Number(all, "awards.district").ShouldBe(1);
        Number(all, "plans.issued").ShouldBe(1);
        Number(all, "plans.issuedOnTime").ShouldBe(0);
        Number(all, "plans.coordination.issued").ShouldBe(1);
        all["plans.dvcq"].ShouldBe(new YesNoValue(true));
        Number(all, "recommendations.received").ShouldBe(3);
        Number(all, "recommendations.answeredOnTime").ShouldBe(1);
        Number(all, "recommendations.resolved").ShouldBe(1);
        all["recommendations.answeredOnTimeRate"].ShouldBe(new RatioValue(1, 3));
        // The commune alone: no DVCQ plan; a year earlier, only the 2019 model existed.
        var commune = await RegistryFigures.ComputeAsync(read, year with { UnitPath = _w.NewCommune.Path, Below = false }, ["plans.dvcq", "models.count"]);
        commune["plans.dvcq"].ShouldBe(new YesNoValue(false));
        Number(commune, "models.count").ShouldBe(2);
        Number(await RegistryFigures.ComputeAsync(read, year.YearBefore(), ["models.count"]), "models.count").ShouldBe(1);
        var models = await WorkFigures.ModelsAsync(read, year);
        models.ByField.Select(f => f.Field).ShouldBe([WorkFields.Economy, WorkFields.Politics, "Bảo vệ môi trường"]);
        WorkParagraphs.Models(models).Footnote.ShouldBe("Phát triển kinh tế- Văn hóa xã hội: 01 mô hình; xây dựng hệ thống chính trị: 01 mô hình; bảo vệ môi trường: 01 mô hình " +
            "(trong đó các cơ quan cấp tỉnh xây dựng được 01 mô hình, cấp huyện 00 mô hình, cấp cơ sở 02 mô hình).");
    }

    [Fact]
    public async Task Should_import_all_or_nothing_with_each_problem_at_its_cell()
    {
        var bad = Table("unit_code,year,kind,document_number,issued_on\n44.NV,2025,DVCQ,1/KH,01/02/2025\n45,2025,DVCQ,2/KH,01/02/2025\n44.NV,hai,khác,,32/13/2025\n");
        await using var db = _db.NewContext();
        var e = await Should.ThrowAsync<RefusedException>(() => WorkTables.ImportAsync(db, WorkRegistry.Plans, bad, "kh.csv", u => u.Path.StartsWith(_w.Province.Path), Clerk));
        e.Refusals.Select(r => (r.Code, r.Where.Key)).ShouldBe(
        [
            ("registries.work.unknownUnit", "file:kh.csv/row:3/column:unit_code"), ("file.notAWholeNumber", "file:kh.csv/row:4/column:year"),
            ("file.notADate", "file:kh.csv/row:4/column:issued_on"), ("request.required", "file:kh.csv/row:4/column:year"),
            ("registries.unknownTerm", "file:kh.csv/row:4/column:kind"),
        ]);
        (await db.WorkPlans.CountAsync()).ShouldBe(0);

        var ok = await WorkTables.ImportAsync(db, WorkRegistry.Plans, Table("unit_code,year,kind,document_number,issued_on\n44.NV,2025,DVCQ,1/KH,01/02/2025\n44.X1,2025,qcdc,,\n"), "kh.csv",
            u => u.Path.StartsWith(_w.Province.Path), Clerk);
        ok.Created.ShouldBe(2);
        (await db.Audit.CountAsync(a => a.Action == "work.import")).ShouldBe(1);
        var rows = WorkTables.Rows(await db.WorkPlans.Include(p => p.Unit).OrderBy(p => p.Id).ToListAsync()).ToList();
        rows[0].ShouldBe(["44.NV", "2025", "Dân vận chính quyền", "1/KH", "01/02/2025", null, null, null]);
    }

    [Fact]
    public async Task Should_import_a_plan_sheet_with_its_column_names_in_vietnamese()
    {
        await using var db = _db.NewContext();
        var sheet = Table("Mã đơn vị,Năm,Loại kế hoạch,\"Số, ký hiệu\",Ngày ban hành,Trích yếu\n44.NV,2025,DVCQ,31/KH-UBND,15/03/2025,Thực hiện công tác dân vận chính quyền năm 2025\n");
        (await WorkTables.ImportAsync(db, WorkRegistry.Plans, sheet, "kh.csv", u => u.Path.StartsWith(_w.Province.Path), Clerk)).Created.ShouldBe(1);
        var plan = await db.WorkPlans.SingleAsync();
        (plan.Year, plan.Kind, plan.Number, plan.IssuedOn, plan.Title).ShouldBe((2025, WorkPlanKind.GovernmentMobilisation, "31/KH-UBND", new DateOnly(2025, 3, 15),
            "Thực hiện công tác dân vận chính quyền năm 2025"));
    }

    private static TableData Table(string csv) => TableFile.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "kh.csv");

    private static decimal Number(IReadOnlyDictionary<string, IndicatorValue> values, string code) => ((NumberValue)values[code]).Value;

    [Fact]
    public void Should_word_every_work_refusal_in_both_languages_and_read_the_lists_with_or_without_diacritics()
    {
        foreach (var code in new[] { "registries.work.yearOutOfRange", "registries.work.awardBeforeStart", "registries.work.issuedOutsideYear",
                     "registries.work.numberRequired", "registries.work.beforeIssued", "registries.work.reasonRequired", "registries.work.unknownUnit",
                     "registries.work.unknownRecord", "registries.work.unknownRegistry", "registries.work.awardShape" })
            RefusalText.Knows(code).ShouldBeTrue(code);
        WorkTerms.TryParse<WorkLevel>("Co so", out var l).ShouldBeTrue();
        l.ShouldBe(WorkLevel.Grassroots);
        WorkTerms.TryParse<WorkPlanKind>("Dân vận chính quyền", out var k).ShouldBeTrue();
        k.ShouldBe(WorkPlanKind.GovernmentMobilisation);
        WorkTerms.TryParse<RecommendationStatus>("notAccepted", out var s).ShouldBeTrue();
        s.ShouldBe(RecommendationStatus.NotAccepted);
        WorkFields.Canonical("phát triển kinh tế - văn hoá xã hội").ShouldBe(WorkFields.Economy);
        WorkParagraphs.Count(7).ShouldBe("07");
        WorkParagraphs.Count(1016).ShouldBe("1.016");
        WorkParagraphs.Part(8, 22).ShouldBe("08");
        WorkParagraphs.Part(3, 8).ShouldBe("3");
        RegistryFigures.Knows("recommendations.answeredOnTimeRate").ShouldBeTrue();
    }
}

[Collection<SqliteDb>]
public sealed class SqliteWorkRegistryTests(SqliteDatabase db) : WorkRegistryTests(db);

[Collection<PostgresDb>]
public sealed class PostgresWorkRegistryTests(PostgresDatabase db) : WorkRegistryTests(db);
