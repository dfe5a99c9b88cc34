using DanVan;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;
using DanVan.Statistics;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Statistics;

/// <summary>The filling cycle stored: import, open, save, confirm, submit, accept, return, extend; aggregates in SQL equal the core's rule.</summary>
public abstract class FormFillingTests(TestDatabase db) : DatabaseTest(db)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly DateTime Now = new(2018, 12, 10, 3, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase _db = db;
    private (int Province, int District, int C1, int C2, int PeriodId) _w;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = _db.NewContext();
        var p = new OrgUnit { Code = "T", Name = "Tỉnh Thanh Hóa", Kind = OrgUnitKind.Province };
        var d = new OrgUnit { Code = "H", Name = "Huyện Nga Sơn", Kind = OrgUnitKind.District, Parent = p };
        var c1 = new OrgUnit { Code = "X1", Name = "Xã Nga Thái", Kind = OrgUnitKind.Commune, Parent = d };
        var c2 = new OrgUnit { Code = "X2", Name = "Xã Nga Liên", Kind = OrgUnitKind.Commune, Parent = d };
        db.AddRange(p, d, c1, c2);
        await db.SaveChangesAsync();
        var form = await FormLibrary.ImportAsync(db, FormSamples.Text(FormSamples.Appendix001), FormSamples.Appendix001, "snv", Now);
        var period = await FormPeriods.OpenAsync(db, new OpenFormPeriodRequest(form.Id, 2018, 1, d.Id, new DateOnly(2018, 11, 1)), "snv", Now);
        _w = (p.Id, d.Id, c1.Id, c2.Id, period.Id);
    }

    private async Task<FormReport> Report(DanVanDbContext db, int unit) => (await FormFilling.LoadAsync(db, _w.PeriodId, unit))!;

    private static FormChanges Typed(FormDefinition form, params (string Code, string Text)[] texts)
    {
        var (values, refusals) = FormFilling.Read(form, texts.Select(t => KeyValuePair.Create(t.Code, (string?)t.Text)));
        refusals.ShouldBeEmpty(string.Join("; ", refusals));
        return new FormChanges(values);
    }

    private async Task FillAndSubmit(int unit, params (string, string)[] texts)
    {
        await using var db = _db.NewContext();
        var r = await Report(db, unit);
        await FormFilling.SaveAsync(db, r, Typed(FormFilling.FormOf(r), texts), "canbo", Now, Zone);
        await FormFilling.ConfirmAsync(db, r, "thutruong", Now);
        await FormFilling.SubmitAsync(db, r, "canbo", Now, Zone);
    }

    private static readonly (string, string)[] Commune1 =
        [("ntmScope", "1/1"), ("ntmCommunes", "1"), ("receptions", "1.306"), ("receptionVisitors", "1.400"), ("receptionsByChairman", "12"), ("households", "2.000"), ("poorHouseholds", "60")];

    [Fact]
    public async Task Should_open_one_report_per_unit_with_deadlines_per_level_from_the_form()
    {
        await using var db = _db.NewContext();
        var reports = await db.FormReports.Include(r => r.Unit).Include(r => r.Period).Where(r => r.PeriodId == _w.PeriodId).ToListAsync();
        reports.Select(r => r.Unit!.Code).Order().ShouldBe(["H", "X1", "X2"]);
        reports.Single(r => r.Unit!.Code == "X1").Deadline.ShouldBe(new DateOnly(2018, 12, 14));
        reports.Single(r => r.Unit!.Code == "H").Deadline.ShouldBe(new DateOnly(2018, 12, 19));
        (await db.Audit.CountAsync(a => a.Action == "formPeriod.open")).ShouldBe(1);
    }

    [Fact]
    public async Task Should_save_vietnamese_numbers_and_consolidate_a_district_with_its_submitted_communes()
    {
        await FillAndSubmit(_w.C1, Commune1);
        await using (var db = _db.NewContext())
        {
            var r = await Report(db, _w.District);
            await FormFilling.SaveAsync(db, r, Typed(FormFilling.FormOf(r), ("receptions", "20"), ("receptionVisitors", "25"), ("ntmScope", "0/1"), ("ntmCommunes", "0")), "canbo", Now, Zone);
            var consolidated = await FormFigures.ConsolidatedAsync(db, r);
            consolidated["receptions"].ShouldBe(new NumberValue(1326));
            consolidated["ntmScope"].ShouldBe(new RatioValue(1, 2));
            consolidated["ntmRate"].ShouldBe(new NumberValue(100m)); // 1 of the 1 commune counted in n
            consolidated["poorRate"].ShouldBe(new NumberValue(3m));
        }
        await using (var read = _db.NewContext())
        {
            var district = await read.Units.SingleAsync(u => u.Id == _w.District);
            var period = await read.FormPeriods.Include(p => p.Form).SingleAsync(p => p.Id == _w.PeriodId);
            var row = await FormFigures.AggregateAsync(read, period, district);
            row.Completeness.ShouldBe(new Completeness(3, 1, 1)); // the district's own draft does not count
            row.Values["receptions"].ShouldBe(new NumberValue(1306));
        }
    }

    [Fact]
    public async Task Should_block_submission_with_the_broken_error_rule_and_an_unexplained_warning()
    {
        await using var db = _db.NewContext();
        var r = await Report(db, _w.C2);
        var form = FormFilling.FormOf(r);
        await FormFilling.SaveAsync(db, r, Typed(form, ("ntmScope", "1/1"), ("ntmCommunes", "1"), ("receptions", "5"), ("receptionVisitors", "3"), ("receptionsByChairman", "9"), ("households", "100"), ("poorHouseholds", "5")), "canbo", Now, Zone);
        await FormFilling.ConfirmAsync(db, r, "thutruong", Now);
        var ex = await Should.ThrowAsync<RefusedException>(() => FormFilling.SubmitAsync(db, r, "canbo", Now, Zone));
        ex.Refusals.Select(x => (x.Code, x.Where.Criterion)).ShouldBe([("forms.ruleBroken", "receptionsByChairman"), ("forms.warningUnexplained", "receptionVisitors")]);

        await FormFilling.SaveAsync(db, r, new FormChanges(new Dictionary<string, IndicatorValue?> { ["receptionsByChairman"] = new NumberValue(2) },
            new Dictionary<string, string?> { ["visitorsPerReception"] = "Hai cuộc tiếp do cán bộ chủ động đến nhà dân" }), "canbo", Now, Zone);
        r.Status.ShouldBe(FormReportStatus.Draft); // a change clears the confirmation
        await FormFilling.ConfirmAsync(db, r, "thutruong", Now);
        await FormFilling.SubmitAsync(db, r, "canbo", Now, Zone);
        r.Status.ShouldBe(FormReportStatus.Submitted);
    }

    [Fact]
    public async Task Should_refuse_a_wrong_value_a_stale_version_and_a_change_after_submission_and_store_nothing()
    {
        await using var db = _db.NewContext();
        var r = await Report(db, _w.C1);
        var form = FormFilling.FormOf(r);
        var (_, refusals) = FormFilling.Read(form, [KeyValuePair.Create("receptions", (string?)"mười"), KeyValuePair.Create("poorRate", (string?)"120"), KeyValuePair.Create("ntmRate", (string?)"5"), KeyValuePair.Create("nope", (string?)"1")]);
        refusals.Select(x => x.Code).ShouldBe(["forms.valueUnreadable", "forms.percentageRange", "forms.valueComputed", "forms.valueUnknownIndicator"]);

        var stale = await Should.ThrowAsync<RefusedException>(() => FormFilling.SaveAsync(db, r, Typed(form, ("receptions", "1")), "canbo", Now, Zone, expectedVersion: r.Version + 1));
        stale.Code.ShouldBe("forms.staleVersion");

        await FillAndSubmit(_w.C1, Commune1);
        await using var again = _db.NewContext();
        var submitted = await Report(again, _w.C1);
        var locked = await Should.ThrowAsync<RefusedException>(() => FormFilling.SaveAsync(again, submitted, Typed(form, ("receptions", "1")), "canbo", Now, Zone));
        locked.Code.ShouldBe("forms.notEditable");
        (await Report(_db.NewContext(), _w.C1)).Values.Single(v => v.Indicator == "receptions").ToValue().ShouldBe(new NumberValue(1306));
    }

    [Fact]
    public async Task Should_accept_return_with_a_comment_and_keep_the_first_lateness_on_resubmission()
    {
        var late = new DateTime(2018, 12, 14, 18, 0, 0, DateTimeKind.Utc); // 01:00 on the 15th in Hà Nội: late
        await using (var db = _db.NewContext())
        {
            var r = await Report(db, _w.C1);
            await FormFilling.SaveAsync(db, r, Typed(FormFilling.FormOf(r), Commune1), "canbo", late, Zone);
            await FormFilling.ConfirmAsync(db, r, "thutruong", late);
            await FormFilling.SubmitAsync(db, r, "canbo", late, Zone);
            r.IsLate.ShouldBeTrue();
            (await Should.ThrowAsync<RefusedException>(() => FormFilling.ReturnAsync(db, r, " ", "snv", late))).Code.ShouldBe("forms.commentRequired");
            await FormFilling.ReturnAsync(db, r, "Số lượt tiếp chưa khớp sổ", "snv", late);
            await FormFilling.ConfirmAsync(db, r, "thutruong", late);
            await FormFilling.SubmitAsync(db, r, "canbo", late.AddDays(3), Zone);
            r.IsLate.ShouldBeTrue();
            await FormFilling.AcceptAsync(db, r, "snv", late.AddDays(4));
            r.Status.ShouldBe(FormReportStatus.Accepted);
        }
        await using var read = _db.NewContext();
        var actions = await read.Audit.Where(a => a.SubjectType == nameof(FormReport)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        actions.ShouldBe(["form.save", "form.confirm", "form.submit", "form.return", "form.confirm", "form.submit", "form.accept"]);
    }

    [Fact]
    public async Task Should_extend_one_units_deadline_with_a_reason_so_its_submission_is_on_time()
    {
        await using var db = _db.NewContext();
        var r = await Report(db, _w.C2);
        (await Should.ThrowAsync<RefusedException>(() => FormFilling.ExtendDeadlineAsync(db, r, new DateOnly(2018, 12, 20), "", "snv", Now))).Code.ShouldBe("forms.reasonRequired");
        await FormFilling.ExtendDeadlineAsync(db, r, new DateOnly(2018, 12, 20), "Xã bị ảnh hưởng bão số 3", "snv", Now);
        await FormFilling.SaveAsync(db, r, Typed(FormFilling.FormOf(r), Commune1), "canbo", Now, Zone);
        await FormFilling.ConfirmAsync(db, r, "thutruong", Now);
        await FormFilling.SubmitAsync(db, r, "canbo", new DateTime(2018, 12, 18, 3, 0, 0, DateTimeKind.Utc), Zone);
        r.IsLate.ShouldBeFalse();
        var line = await db.Audit.SingleAsync(a => a.Action == "form.extendDeadline");
        (line.OldValue, line.NewValue, line.Reason).ShouldBe(("14/12/2018", "20/12/2018", "Xã bị ảnh hưởng bão số 3"));
    }

    [Fact]
    public async Task Should_aggregate_in_sql_exactly_as_the_core_rule_does_in_memory()
    {
        var form = FormSamples.Load(FormSamples.SixMonths);
        await using var db = _db.NewContext();
        var stored = await FormLibrary.ImportAsync(db, FormSamples.Text(FormSamples.SixMonths), null, "snv", Now);
        await db.Units.Include(u => u.Groups).ToListAsync();
        var xa = new UnitGroup { Code = "xa-phuong", Name = "Xã" };
        var huyen = new UnitGroup { Code = "huyen", Name = "Huyện" };
        foreach (var u in db.Units.Local) (u.Kind == OrgUnitKind.Commune ? xa : huyen).Units.Add(u);
        db.AddRange(xa, huyen);
        await db.SaveChangesAsync();
        var period = await FormPeriods.OpenAsync(db, new OpenFormPeriodRequest(stored.Id, 2018, 2, _w.Province, new DateOnly(2018, 6, 15)), "snv", Now);

        var random = new Random(7);
        var submitted = new Dictionary<string, FormValues>();
        foreach (var r in await db.FormReports.Where(x => x.PeriodId == period.Id).Select(x => x.Id).ToListAsync())
        {
            var report = (await FormFilling.LoadAsync(db, r))!;
            var received = random.Next(10, 500);
            var values = new Dictionary<string, IndicatorValue?>
            {
                ["received"] = new NumberValue(received),
                ["resolved"] = new NumberValue(random.Next(0, received)),
                ["households"] = new NumberValue(random.Next(1000, 9000)),
                ["poorHouseholds"] = new NumberValue(random.Next(0, 900)),
                ["budget"] = new NumberValue(Math.Round((decimal)random.NextDouble() * 100, 3)),
                ["hasDialogueModel"] = new YesNoValue(random.Next(2) == 0),
                ["satisfaction"] = new NumberValue(Math.Round((decimal)random.NextDouble() * 100, 2)),
            };
            await FormFilling.SaveAsync(db, report, new FormChanges(values, new Dictionary<string, string?> { ["lowResolution"] = "Giải trình" }), "canbo", Now, Zone);
            await FormFilling.ConfirmAsync(db, report, "thutruong", Now);
            await FormFilling.SubmitAsync(db, report, "canbo", Now, Zone);
            submitted[report.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)] = report.ToFormValues();
        }
        var units = await db.Units.Include(u => u.Groups).AsNoTracking().ToListAsync();
        var tree = units.Select(u => new FormUnit(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Kind, [.. u.Groups.Select(g => g.Code)])).ToList();

        var scope = units.Single(u => u.Id == _w.District);
        var inSql = await FormFigures.AggregateAsync(db, period, scope);
        var inMemory = FormAggregator.Aggregate(form, tree, submitted, scope.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        inSql.Values.Keys.Order().ShouldBe(inMemory.Values.Keys.Order());
        foreach (var (code, value) in inMemory.Values) inSql.Values[code].ShouldBe(value, code);
        inSql.Completeness.ShouldBe(new Completeness(3, 3, 3));

        var rows = await FormFigures.DrillDownAsync(db, period, units.Single(u => u.Id == _w.Province));
        rows.Select(r => r.UnitName).ShouldBe(["Tỉnh Thanh Hóa", "Huyện Nga Sơn"]);
        // The drill-down's one pass gives every row what aggregating that unit alone gives, the scope's row included.
        foreach (var row in rows)
        {
            var alone = await FormFigures.AggregateAsync(db, period, units.Single(u => u.Id == row.UnitId));
            row.Completeness.ShouldBe(alone.Completeness, row.UnitName);
            row.Values.Keys.Order().ShouldBe(alone.Values.Keys.Order(), row.UnitName);
            foreach (var (code, value) in alone.Values) row.Values[code].ShouldBe(value, $"{row.UnitName} {code}");
        }
        rows[0].Completeness.ShouldBe(new Completeness(4, 4, 4));
    }

    private async Task<(FormPeriod Period, FormDefinition Form)> PeriodAsync(DanVanDbContext db)
    {
        var period = await db.FormPeriods.Include(p => p.Form).SingleAsync(p => p.Id == _w.PeriodId);
        return (period, period.Form!.Definition());
    }

    [Fact]
    public async Task Should_round_trip_a_units_form_through_a_protected_workbook()
    {
        await using (var db = _db.NewContext())
        {
            var r = await Report(db, _w.C1);
            await FormFilling.SaveAsync(db, r, Typed(FormFilling.FormOf(r), Commune1), "canbo", Now, Zone);
        }
        using var file = new MemoryStream();
        await using (var db = _db.NewContext())
        {
            var (_, form) = await PeriodAsync(db);
            var r = await Report(db, _w.C1);
            FormWorkbook.WriteXlsx(form, [new UnitFigures(r.Unit!.Code, r.Unit.Name, r.ToFormValues())], file);
        }
        file.Position = 0;
        using (var xlsx = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, false))
        {
            var sheet = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet;
            sheet.Elements<DocumentFormat.OpenXml.Spreadsheet.SheetProtection>().Single().Sheet!.Value.ShouldBeTrue();
            var cells = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToDictionary(c => c.CellReference!.Value!);
            var receptionsRow = cells.Values.Single(c => c.CellValue?.Text == "receptions").CellReference!.Value![1..];
            cells["F" + receptionsRow].CellValue!.Text.ShouldBe("1306");
            cells["F" + receptionsRow].StyleIndex!.Value.ShouldBe(2u); // open
            cells["D" + receptionsRow].StyleIndex!.Value.ShouldBe(0u); // locked label
        }

        // Offline: a clerk changes one figure; the upload replaces the stored figures.
        file.Position = 0;
        var table = TableFile.ReadXlsx(file, "xa.xlsx");
        var edited = table with { Records = [.. table.Records.Select(rec => rec["indicator"] == "receptions" ? rec with { Cells = new Dictionary<string, string?>(rec.Cells) { ["value"] = "1.310" }, NumericCells = null } : rec)] };
        await using (var db = _db.NewContext())
        {
            var (period, form) = await PeriodAsync(db);
            var figures = FormWorkbook.Read(form, edited, "xa.xlsx");
            await FormWorkbook.ImportAsync(db, period, figures, "xa.xlsx", _ => true, "canbo", Now, Zone);
        }
        await using var read = _db.NewContext();
        var saved = (await Report(read, _w.C1)).ToFormValues().Values;
        saved["receptions"].ShouldBe(new NumberValue(1310));
        saved["ntmScope"].ShouldBe(new RatioValue(1, 1));
        saved.ContainsKey("ntmRate").ShouldBeFalse(); // computed: never stored
    }

    [Fact]
    public async Task Should_read_a_sheet_with_the_column_names_in_vietnamese()
    {
        var csv = """
            Mã đơn vị,Tên đơn vị,Mã chỉ tiêu,Đơn vị tính,Giá trị
            X1,UBND xã Một,receptions,lượt,10
            X2,UBND xã Hai,receptions,lượt,mười
            """;
        await using var db = _db.NewContext();
        var (period, form) = await PeriodAsync(db);
        var table = TableFile.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "so-lieu.csv");
        var read = Should.Throw<RefusedException>(() => FormWorkbook.Read(form, table, "so-lieu.csv"));
        read.Refusals.Select(r => (r.Code, r.Where.Key)).ShouldBe([("forms.valueUnreadable", "file:so-lieu.csv/row:3/column:Giá trị")]);
        var units = FormWorkbook.Read(form, table with { Records = [.. table.Records.Where(r => r.Row == 2)] }, "so-lieu.csv");
        units.Single().Figures.Values.Values["receptions"].ShouldBe(new NumberValue(10));
        // A unit not in the period is refused at the sheet's own unit column.
        var other = await Should.ThrowAsync<RefusedException>(() => FormWorkbook.ImportAsync(db, period, units, "so-lieu.csv", _ => false, "snv", Now, Zone));
        other.Refusals.Single().Where.Key.ShouldBe("file:so-lieu.csv/row:2/column:Mã đơn vị");
    }

    [Fact]
    public async Task Should_refuse_a_whole_upload_with_each_problem_at_its_cell_and_store_nothing()
    {
        var csv = """
            unit_code,indicator,value
            X1,receptions,10
            X2,receptions,mười
            X2,poorRate,120
            X2,nosuch,1
            X9,receptions,3
            T,receptions,4
            """;
        await using var db = _db.NewContext();
        var (period, form) = await PeriodAsync(db);
        var table = TableFile.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "nhieu-don-vi.csv");
        var read = Should.Throw<RefusedException>(() => FormWorkbook.Read(form, table, "nhieu-don-vi.csv"));
        read.Refusals.Select(r => (r.Code, r.Where.Key)).ShouldBe([
            ("forms.valueUnreadable", "file:nhieu-don-vi.csv/row:3/column:value"),
            ("forms.percentageRange", "file:nhieu-don-vi.csv/row:4/column:value"),
            ("forms.valueUnknownIndicator", "file:nhieu-don-vi.csv/row:5/column:indicator")]);

        var units = FormWorkbook.Read(form, table with { Records = [.. table.Records.Where(r => r.Row is 2 or 6 or 7)] }, "nhieu-don-vi.csv");
        var ex = await Should.ThrowAsync<RefusedException>(() => FormWorkbook.ImportAsync(db, period, units, "nhieu-don-vi.csv", r => r.UnitId != _w.Province, "snv", Now, Zone));
        ex.Refusals.Select(r => (r.Code, r.Where.Row)).ShouldBe([("forms.importUnitNotFound", 6), ("forms.importUnitNotFound", 7)]);
        (await _db.NewContext().FormValues.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_freeze_a_form_version_once_a_period_uses_it()
    {
        await using var db = _db.NewContext();
        var ex = await Should.ThrowAsync<RefusedException>(() => FormLibrary.ImportAsync(db, FormSamples.Text(FormSamples.Appendix001), "a.json", "snv", Now));
        ex.Refusals.Single().ShouldSatisfyAllConditions(r => r.Code.ShouldBe("forms.versionFrozen"), r => r.Where.Key.ShouldBe("file:a.json/$.version"));
        var v2 = FormSamples.Text(FormSamples.Appendix001).Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal);
        (await FormLibrary.ImportAsync(db, v2, "a.json", "snv", Now)).Version.ShouldBe(2);
    }
}

[Collection<SqliteDb>]
public sealed class SqliteFormFillingTests(SqliteDatabase db) : FormFillingTests(db);

[Collection<PostgresDb>]
public sealed class PostgresFormFillingTests(PostgresDatabase db) : FormFillingTests(db);
