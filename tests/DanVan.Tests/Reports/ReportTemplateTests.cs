using DanVan.Evaluations;
using DanVan.Refusals;
using DanVan.Reports;
using DanVan.Reports.Templates;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Reports;

/// <summary>Report templates: the file format, storage per scope with versions, and the reports built with them.</summary>
public sealed class ReportTemplateTests(QuangBinhDatabase data) : IClassFixture<QuangBinhDatabase>
{
    private static readonly string[] Groups = ["cap-xa", "cap-huyen", "so-ban-nganh", "dvsn-tinh"];

    public static string SamplePath => Path.Combine(Repo.Root, "samples", "reports", "quang-binh-000.json");

    private static ReportTemplate Sample()
    {
        var read = ReportTemplateFile.Parse(File.ReadAllText(SamplePath), Groups, "quang-binh-000.json");
        read.Refusals.ShouldBeEmpty();
        return read.Template!;
    }

    [Fact]
    public void Should_read_the_shipped_sample_as_the_reference_groups_its_results_and_write_it_back_equal()
    {
        var template = Sample();

        template.Results.Sections.Select(s => (s.Title, s.Style)).ShouldBe(QuangBinhReference.Options.Sections.Select(s => (s.Title, s.Style)));
        template.Results.Sections.SelectMany(s => s.Parts).ShouldBe(QuangBinhReference.Options.Sections.SelectMany(s => s.Parts));
        template.Signer.Authority.ShouldBe(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]);
        var again = ReportTemplateFile.Parse(ReportTemplateFile.Serialize(template), Groups);
        again.IsValid.ShouldBeTrue();
        ReportTemplateFile.Serialize(again.Template!).ShouldBe(ReportTemplateFile.Serialize(template));
    }

    [Theory]
    [InlineData("\"groupCode\": \"cap-xa\"", "\"groupCode\": \"cap-thon\"", "reports.templateUnknownGroup", "$.results.sections[0].parts[0].groupCode")]
    [InlineData("\"groupCode\": \"cap-huyen\"", "\"groupCode\": \"cap-xa\"", "reports.templateGroupTwice", "$.results.sections[1].parts[0].groupCode")]
    [InlineData("\"style\": \"named\"", "\"style\": \"table\"", "reports.templateUnknownValue", "$.results.sections[1].style")]
    [InlineData("\"restNoun\": \"huyện\"", "\"restNun\": \"huyện\"", "reports.templateUnknownProperty", "$.results.sections[1].restNun")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2", "reports.templateFormatVersion", "$.formatVersion")]
    [InlineData("\"title\": \"Cấp xã\"", "\"title\": \"\"", "reports.templateRequired", "$.results.sections[0].title")]
    public void Should_refuse_a_bad_template_at_its_json_path(string find, string replace, string code, string path)
    {
        var json = File.ReadAllText(SamplePath).Replace(find, replace, StringComparison.Ordinal);

        var read = ReportTemplateFile.Parse(json, Groups, "mau.json");

        read.IsValid.ShouldBeFalse();
        read.Refusals.ShouldContain(r => r.Code == code && r.Where.Path == path && r.Where.File == "mau.json",
            string.Join("; ", read.Refusals.Select(r => $"{r.Code} {r.Where.Key}")));
        read.Refusals.ShouldAllBe(r => RefusalText.Render(r, RefusalText.Vietnamese).Length > 0);
    }

    [Fact]
    public void Should_refuse_a_phrase_with_a_placeholder_it_cannot_fill()
    {
        var template = Sample() with { Results = Sample().Results with { Phrases = new ResultPhrases { NotEvaluated = "{unit} chưa đánh giá ({district})." } } };

        var refusal = ReportTemplateFile.Check(template, Groups).ShouldHaveSingleItem();

        refusal.Code.ShouldBe("reports.templatePlaceholder");
        refusal.Where.Path.ShouldBe("$.results.phrases.notEvaluated");
        RefusalText.Render(refusal, RefusalText.Vietnamese).ShouldContain("{district}");
    }

    [Fact]
    public async Task Should_build_section_two_point_two_with_the_stored_template_and_keep_every_version()
    {
        await using var db = data.Db.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var province = data.Seed.ProvinceId;
        var at = new DateTime(2019, 1, 10, 2, 0, 0, DateTimeKind.Utc);

        var standard = await ReportDocuments.LoadAsync(db, new ReportRequest(2018, province, 1), ct);
        ResultsNarrative.Lines(standard.Report).ShouldNotBe(ReferenceLines.Year2018);
        standard.Template.Version.ShouldBe(0);

        var first = await ReportTemplates.SaveAsync(db, province, Sample(), expectedVersion: null, "snv.tonghop", at, ct);
        var content = await ReportDocuments.LoadAsync(db, new ReportRequest(2018, province, 1), ct);
        ResultsNarrative.Lines(content.Report).ShouldBe(ReferenceLines.Year2018);
        ResultsNarrative.Lines(content.EarlierYears.Single()).ShouldBe(ReferenceLines.Year2017);
        content.Template.Version.ShouldBe(first.Version);
        var document = ReportDocuments.Document(content, charts: false);
        document.Signer.AuthorityLines.ShouldBe(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]);
        document.Signer.Position.ShouldBe("PHÓ CHỦ TỊCH");
        document.Recipients[^1].ShouldBe("Lưu: VT, NC");

        // A second version replaces the wording; the first is kept; a save from a stale version is refused.
        var renamed = Sample() with { Results = Sample().Results with { Phrases = new ResultPhrases { OnlyMembers = "{unit} chỉ đánh giá {memberLevel}." } } };
        var second = await ReportTemplates.SaveAsync(db, province, renamed, first.Version, "snv.tonghop", at.AddHours(1), ct);
        second.Version.ShouldBe(first.Version + 1);
        var stale = await Should.ThrowAsync<RefusedException>(() => ReportTemplates.SaveAsync(db, province, Sample(), first.Version, "khac", at.AddHours(2), ct));
        stale.Refusals.ShouldHaveSingleItem().Code.ShouldBe("reports.templateStale");
        (await ReportTemplates.VersionsAsync(db, province, ct)).Select(v => v.Version).ShouldBe([second.Version, first.Version]);
        var now = await ReportDocuments.LoadAsync(db, new ReportRequest(2018, province, 0), ct);
        ResultsNarrative.Lines(now.Report).ShouldContain(l => l.Contains("Quảng Ninh chỉ đánh giá cấp xã.", StringComparison.Ordinal));
        (await db.Audit.CountAsync(a => a.Action == "report.template", ct)).ShouldBeGreaterThanOrEqualTo(2);

        // A district with no template of its own writes with its province's, under its own header.
        var district = await db.Units.SingleAsync(u => u.Code == "450", ct);
        var inherited = await ReportTemplates.ForScopeAsync(db, district.Id, ct);
        inherited.OwnerUnitId.ShouldBe(province);
        var dongHoi = ReportDocuments.Document(await ReportDocuments.LoadAsync(db, new ReportRequest(2018, district.Id, 0), ct), charts: false);
        dongHoi.Issuer.Name.ShouldBe("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐỒNG HỚI");

        // Put back the sample so other tests of the class read the reference.
        await ReportTemplates.SaveAsync(db, province, Sample(), second.Version, "snv.tonghop", at.AddHours(3), ct);
    }

    [Fact]
    public async Task Should_refuse_a_template_naming_a_group_the_database_does_not_have_and_store_nothing()
    {
        await using var db = data.Db.NewContext();
        var ct = TestContext.Current.CancellationToken;
        var before = await db.ReportTemplates.CountAsync(ct);
        var bad = Sample() with { Results = new ReportOptions { Sections = [new("Cấp thôn", [new("cap-thon", "thôn")])] } };

        var refused = await Should.ThrowAsync<RefusedException>(() => ReportTemplates.SaveAsync(db, data.Seed.ProvinceId, bad, null, "x", DateTime.UtcNow, ct));

        refused.Refusals.ShouldHaveSingleItem().Where.Path.ShouldBe("$.results.sections[0].parts[0].groupCode");
        (await db.ReportTemplates.CountAsync(ct)).ShouldBe(before);
    }
}

/// <summary>True sentences while a period is open: drafts say so, returned units are not "không đánh giá", self-claimed shares are named.</summary>
public sealed class OpenPeriodSentenceTests(QuangBinhDatabase data) : IClassFixture<QuangBinhDatabase>
{
    private async Task<ReportInput> InputAsync(Func<UnitResult, UnitResult> change, DateOnly? today)
    {
        await using var db = data.Db.NewContext();
        var input = await ReportQuery.LoadAsync(db, data.Seed.Period2018, earlierYears: 0, ct: TestContext.Current.CancellationToken);
        return input with { Current = input.Current with { Units = input.Current.Units.Select(change).ToList() }, Today = today };
    }

    [Fact]
    public async Task Should_never_describe_a_returned_district_as_not_evaluating()
    {
        var input = await InputAsync(u => u.Unit.Code == "456" ? u with { Status = AssessmentStatus.Returned } : u, today: null);

        var lines = ResultsNarrative.Lines(ReportBuilder.Build(input, QuangBinhReference.Options));

        var districts = lines.Single(l => l.StartsWith("- Cấp huyện", StringComparison.Ordinal));
        districts.ShouldNotContain("Quảng Ninh chỉ đánh giá");
        districts.ShouldNotContain("Quảng Ninh không đánh giá");
        districts.ShouldContain("Quảng Ninh đã gửi kết quả tự đánh giá nhưng được trả lại để hoàn thiện, chưa được xếp loại.");
    }

    [Fact]
    public async Task Should_say_not_yet_submitted_before_the_deadline_and_not_evaluated_after_it()
    {
        var notStarted = (UnitResult u) => u.Unit.Code == "456" ? u with { Status = AssessmentStatus.NotStarted } : u;
        var before = await InputAsync(notStarted, today: new DateOnly(2018, 11, 15));
        var after = await InputAsync(notStarted, today: new DateOnly(2018, 12, 15));

        var open = ResultsNarrative.Lines(ReportBuilder.Build(before, QuangBinhReference.Options)).Single(l => l.StartsWith("- Cấp huyện", StringComparison.Ordinal));
        var closed = ResultsNarrative.Lines(ReportBuilder.Build(after, QuangBinhReference.Options)).Single(l => l.StartsWith("- Cấp huyện", StringComparison.Ordinal));

        open.ShouldContain("Quảng Ninh chưa gửi kết quả tự đánh giá (chưa hết hạn).");
        open.ShouldNotContain("không đánh giá");
        closed.ShouldContain("Quảng Ninh chỉ đánh giá, phân loại ở cấp xã, không đánh giá phân loại ở cấp huyện.");
    }

    [Fact]
    public async Task Should_say_in_the_sentence_when_a_share_counts_classes_not_yet_appraised()
    {
        // Ten communes submitted but not appraised: their own classes are counted, and the sentence says so.
        var count = 0;
        var input = await InputAsync(u => u.Group.Code == "cap-xa" && u.Final is not null && count++ < 10 ? u with { Status = AssessmentStatus.Submitted, Final = null } : u, today: null);

        var report = ReportBuilder.Build(input, QuangBinhReference.Options);
        var lines = ResultsNarrative.Lines(report);

        lines.ShouldContain("Kết quả trên gồm 10 đơn vị tự xếp loại, chưa được thẩm định.");
        report.Progress.AwaitingAppraisal.ShouldBe(10 + 4);
        report.Progress.IsFinal.ShouldBeFalse();
        ReportPhrases.DraftNotice(report.Progress).ShouldStartWith("DỰ THẢO — số liệu chưa phải kết quả chính thức: ");
        ReportPhrases.DraftNotice(report.Progress).ShouldContain("14 đơn vị chưa được thẩm định");
    }

    [Fact]
    public async Task Should_count_a_unit_that_never_submitted_as_pending_before_the_deadline_and_final_after_it()
    {
        var absent = (UnitResult u) => u.Unit.Code == "456" ? u with { Status = AssessmentStatus.NotStarted, Final = null } : u with { Status = AssessmentStatus.Approved };

        var before = ReportBuilder.Build(await InputAsync(absent, today: new DateOnly(2018, 11, 15)), QuangBinhReference.Options).Progress;
        var after = ReportBuilder.Build(await InputAsync(absent, today: new DateOnly(2018, 12, 15)), QuangBinhReference.Options).Progress;

        before.IsFinal.ShouldBeFalse();
        ReportPhrases.DraftNotice(before).ShouldContain("01 đơn vị chưa nộp");
        after.IsFinal.ShouldBeTrue();
        // A returned unit keeps the report a draft whatever the day.
        var returned = (UnitResult u) => u.Unit.Code == "456" ? u with { Status = AssessmentStatus.Returned } : u with { Status = AssessmentStatus.Approved };
        ReportBuilder.Build(await InputAsync(returned, today: new DateOnly(2018, 12, 15)), QuangBinhReference.Options).Progress.IsFinal.ShouldBeFalse();
    }

    [Fact]
    public async Task Should_not_mark_a_report_as_draft_once_every_unit_is_approved()
    {
        var input = await InputAsync(u => u with { Status = AssessmentStatus.Approved }, today: null);

        var report = ReportBuilder.Build(input, QuangBinhReference.Options);

        report.Progress.IsFinal.ShouldBeTrue();
    }
}
