using DanVan.Refusals;
using System.Text;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Reports;
using DanVan.Tests.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Reports;

/// <summary>Report drafts stored on each database: saved, refused, raced, carried to the next year.</summary>
public abstract class ReportDraftTests(TestDatabase db) : IAsyncLifetime
{
    private static readonly DateTime At = new(2019, 1, 15, 8, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase _db = db;
    private int _provinceId;
    private int _districtId;

    public async ValueTask InitializeAsync()
    {
        await _db.ResetAsync();
        await using var db = _db.NewContext();
        var province = new OrgUnit { Code = "44", Name = "UBND tỉnh Quảng Bình", Kind = OrgUnitKind.Province };
        var district = new OrgUnit { Code = "457", Name = "UBND huyện Lệ Thủy", Kind = OrgUnitKind.District, Parent = province };
        db.Units.AddRange(province, district);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        (_provinceId, _districtId) = (province.Id, district.Id);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static DraftInput Input(int scope, int year, int version, string leadership = "Ủy ban nhân dân tỉnh đã chỉ đạo.", string? summary = null) =>
        new(scope, year, summary,
            new Dictionary<DraftBlock, string> { [DraftBlock.Leadership] = leadership, [DraftBlock.Tasks] = "- Nhiệm vụ một.\n- Nhiệm vụ hai." },
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", "Ban Dân vận Tỉnh ủy\nLưu: VT, NC", version);

    private async Task<DraftSaveResult> SaveAsync(DraftInput input)
    {
        await using var db = _db.NewContext();
        return await ReportDrafts.SaveAsync(db, input, "so-noi-vu", At, TestContext.Current.CancellationToken);
    }

    private async Task<ReportDraft> LoadAsync(int scope, int year, string key = "")
    {
        await using var db = _db.NewContext();
        return await ReportDrafts.ForYearAsync(db, scope, year, key, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_keep_another_report_of_the_year_apart_from_the_years_own_and_out_of_next_years()
    {
        (await SaveAsync(Input(_districtId, 2021, 0, "Báo cáo năm 2021."))).Outcome.ShouldBe(DraftSaveOutcome.Saved);
        var key = ReportDrafts.KeyOf(2022, new ReportSpan(new DateOnly(2019, 1, 1), new DateOnly(2022, 5, 25)), DanVan.Reports.Templates.ReportKind.AdHoc);
        key.ShouldBe("2019-01-01..2022-05-25:adHoc");
        ReportDrafts.KeyOf(2022, ReportSpan.OfYear(2022), DanVan.Reports.Templates.ReportKind.Periodic).ShouldBe("");
        ReportDrafts.KeyOf(2022, null, DanVan.Reports.Templates.ReportKind.Thematic).ShouldBe(":thematic");

        // The four-year review starts empty but for the signer and the recipients of the latest annual report.
        var review = await LoadAsync(_districtId, 2022, key);
        (review.Id, review.Leadership, review.SignerName, review.CarriedFromYear).ShouldBe((0, "", "Nguyễn Văn A", (int?)null));
        (await SaveAsync(Input(_districtId, 2022, 0, "Bốn năm thực hiện Quyết định số 436.") with { Key = key })).Outcome.ShouldBe(DraftSaveOutcome.Saved);

        // The year's own report still starts from 2021's text, and the review keeps its own.
        var annual = await LoadAsync(_districtId, 2022);
        (annual.Leadership, annual.CarriedFromYear).ShouldBe(("Báo cáo năm 2021.", (int?)2021));
        (await LoadAsync(_districtId, 2022, key)).Leadership.ShouldBe("Bốn năm thực hiện Quyết định số 436.");
        (await SaveAsync(Input(_districtId, 2022, 0, "Báo cáo năm 2022."))).Outcome.ShouldBe(DraftSaveOutcome.Saved);
        (await LoadAsync(_districtId, 2023)).Leadership.ShouldBe("Báo cáo năm 2022.");
    }

    [Fact]
    public async Task Should_start_empty_when_the_scope_has_no_draft()
    {
        var draft = await LoadAsync(_provinceId, 2018);

        draft.Id.ShouldBe(0);
        draft.Version.ShouldBe(0);
        draft.CarriedFromYear.ShouldBeNull();
        ReportDraft.Blocks.ShouldAllBe(b => draft[b] == "");
    }

    [Fact]
    public async Task Should_save_a_draft_and_read_it_back_in_nfc()
    {
        var decomposed = "Ủy ban nhân dân tỉnh đã chỉ đạo.\r\n\r\nĐoạn thứ hai.   ".Normalize(NormalizationForm.FormD);
        (await SaveAsync(Input(_provinceId, 2018, 0, decomposed))).ShouldBe(new DraftSaveResult(DraftSaveOutcome.Saved, 1));

        var draft = await LoadAsync(_provinceId, 2018);
        draft.Leadership.ShouldBe("Ủy ban nhân dân tỉnh đã chỉ đạo.\n\nĐoạn thứ hai.");
        draft.Leadership.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
        draft.Tasks.ShouldBe("- Nhiệm vụ một.\n- Nhiệm vụ hai.");
        draft.Introduction.ShouldBe("");
        draft.SignerName.ShouldBe("Nguyễn Văn A");
        draft.UpdatedBy.ShouldBe("so-noi-vu");
        draft.Version.ShouldBe(1);

        (await SaveAsync(Input(_provinceId, 2018, 1, "Sửa lần hai."))).ShouldBe(new DraftSaveResult(DraftSaveOutcome.Saved, 2));
        (await LoadAsync(_provinceId, 2018)).Leadership.ShouldBe("Sửa lần hai.");
    }

    [Fact]
    public async Task Should_refuse_a_save_made_from_an_older_version()
    {
        await SaveAsync(Input(_provinceId, 2018, 0));
        await SaveAsync(Input(_provinceId, 2018, 1, "Người thứ nhất sửa."));

        var late = await SaveAsync(Input(_provinceId, 2018, 1, "Người thứ hai sửa từ bản cũ."));

        late.ShouldBe(new DraftSaveResult(DraftSaveOutcome.Conflict, 2));
        (await LoadAsync(_provinceId, 2018)).Leadership.ShouldBe("Người thứ nhất sửa.");
        (await SaveAsync(Input(_provinceId, 2018, 0, "Tạo lại bản mới."))).Outcome.ShouldBe(DraftSaveOutcome.Conflict);
    }

    [Fact]
    public async Task Should_refuse_the_second_of_two_concurrent_saves()
    {
        await SaveAsync(Input(_provinceId, 2018, 0));
        await using var first = _db.NewContext();
        await using var second = _db.NewContext();
        // Both read version 1 before either writes: the database's concurrency check decides.
        var a = await first.ReportDrafts.SingleAsync(d => d.ScopeUnitId == _provinceId, TestContext.Current.CancellationToken);
        var b = await second.ReportDrafts.SingleAsync(d => d.ScopeUnitId == _provinceId, TestContext.Current.CancellationToken);
        a.Leadership = "A";
        a.Version = 2;
        b.Leadership = "B";
        b.Version = 2;
        await first.SaveChangesAsync(TestContext.Current.CancellationToken);

        await Should.ThrowAsync<Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException>(() => second.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_refuse_text_that_is_too_long_or_a_scope_that_does_not_exist()
    {
        var tooLong = Input(_provinceId, 2018, 0, new string('a', ReportDraft.MaxBlockLength + 1));
        var ex = await Should.ThrowAsync<RefusedException>(() => SaveAsync(tooLong));
        ex.Refusals.Single().Where.Key.ShouldBe("Leadership");
        ex.Code.ShouldBe("reports.tooLong");

        ex = await Should.ThrowAsync<RefusedException>(() => SaveAsync(Input(999_999, 1999, 0)));
        ex.Refusals.Select(r => r.Code).ShouldBe(["reports.year", "reports.unknownUnit"]);
        ex.Refusals.Select(r => r.Where.Key).ShouldBe(["year", "scopeUnitId"]);
        (await LoadAsync(_provinceId, 2018)).Id.ShouldBe(0);
    }

    [Fact]
    public async Task Should_start_next_year_from_the_latest_earlier_draft_of_the_same_scope()
    {
        await SaveAsync(Input(_provinceId, 2017, 0, "Văn bản năm 2017.", "Kết quả đánh giá công tác dân vận chính quyền năm 2017"));
        await SaveAsync(Input(_districtId, 2018, 0, "Văn bản của huyện."));

        var next = await LoadAsync(_provinceId, 2019);

        next.Id.ShouldBe(0);
        next.Year.ShouldBe(2019);
        next.Version.ShouldBe(0);
        next.CarriedFromYear.ShouldBe(2017);
        next.Leadership.ShouldBe("Văn bản năm 2017.");
        next.Summary.ShouldBe("Kết quả đánh giá công tác dân vận chính quyền năm 2019");
        next.SignerPosition.ShouldBe("PHÓ CHỦ TỊCH");
        (await LoadAsync(_provinceId, 2016)).CarriedFromYear.ShouldBeNull();

        (await SaveAsync(Input(_provinceId, 2019, next.Version, next.Leadership + " Bổ sung năm 2019."))).Outcome.ShouldBe(DraftSaveOutcome.Saved);
        (await LoadAsync(_provinceId, 2017)).Leadership.ShouldBe("Văn bản năm 2017.");
        (await LoadAsync(_provinceId, 2019)).CarriedFromYear.ShouldBeNull();
    }
}

[Collection<SqliteDb>]
public sealed class SqliteReportDraftTests(SqliteDatabase db) : ReportDraftTests(db);

[Collection<PostgresDb>]
public sealed class PostgresReportDraftTests(PostgresDatabase db) : ReportDraftTests(db);

/// <summary>A saved draft in the documents built from the reference's data, this year and the next.</summary>
public sealed class ReportDraftDocumentTests : IAsyncLifetime
{
    private readonly QuangBinhDatabase _data = new();

    public ValueTask InitializeAsync() => _data.InitializeAsync();

    public ValueTask DisposeAsync() => _data.DisposeAsync();

    [Fact]
    public async Task Should_write_the_saved_text_into_the_report_and_reuse_it_next_year()
    {
        await using (var db = _data.Db.NewContext())
        {
            var input = new DraftInput(_data.Seed.ProvinceId, 2017, null,
                new Dictionary<DraftBlock, string>
                {
                    [DraftBlock.Leadership] = "Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành.\n\nĐã tổ chức tập huấn công tác dân vận chính quyền.",
                    [DraftBlock.Limitations] = "- Một số cơ quan chưa nghiêm túc.\n- Báo cáo chưa đúng thời gian quy định.",
                },
                "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", null, 0);
            (await ReportDrafts.SaveAsync(db, input, "so-noi-vu", DateTime.UtcNow, TestContext.Current.CancellationToken)).Outcome.ShouldBe(DraftSaveOutcome.Saved);
        }

        foreach (var year in new[] { 2017, 2018 })
        {
            var content = await _data.ContentAsync(year, earlierYears: 0);
            content.Draft.CarriedFromYear.ShouldBe(year == 2018 ? 2017 : null);
            using var doc = WordprocessingDocument.Open(new MemoryStream(DocxWriter.ToBytes(ReportDocuments.Document(content, charts: false))), false);
            var texts = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

            var leadership = texts.IndexOf("I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO");
            texts[leadership + 1].ShouldBe("Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành.");
            texts[leadership + 2].ShouldBe("Đã tổ chức tập huấn công tác dân vận chính quyền.");
            var limitations = texts.IndexOf("2. Hạn chế, khó khăn và nguyên nhân");
            texts.Skip(limitations + 1).Take(2).ShouldBe(["- Một số cơ quan chưa nghiêm túc.", "- Báo cáo chưa đúng thời gian quy định."]);
            texts.ShouldContain($"Kết quả đánh giá, phân loại công tác dân vận chính quyền năm {year}");
            var closing = doc.MainDocumentPart.Document.Body.Elements<Table>().First(t => t.InnerText.Contains("Nơi nhận:", StringComparison.Ordinal));
            closing.InnerText.ShouldContain("KT. CHỦ TỊCH");
            closing.InnerText.ShouldContain("Nguyễn Văn A");

            var markdown = ReportDocuments.Markdown(content);
            markdown.ShouldContain("Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành.\n\nĐã tổ chức tập huấn công tác dân vận chính quyền.");
            markdown.ShouldContain("- Một số cơ quan chưa nghiêm túc.\n- Báo cáo chưa đúng thời gian quy định.");
        }
    }
}
