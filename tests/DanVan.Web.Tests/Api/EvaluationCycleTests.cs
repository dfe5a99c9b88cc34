using System.Net;
using System.Net.Http.Headers;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Web.Api;
using DanVan.Web.Api.Evaluations;
using DanVan.Web.Api.Results;
using Microsoft.EntityFrameworkCore;
using static DanVan.Web.Tests.Api.ApiScenario;

namespace DanVan.Web.Tests.Api;

public abstract class EvaluationCycleTests(WebAppFactory app) : ApiTestBase(app)
{
    [Fact]
    public async Task Should_run_the_whole_cycle_from_self_assessment_to_approval_and_reopening()
    {
        var unit = S.As(UnitA);
        var head = S.As(HeadA);
        var coordinator = S.As(Coordinator);
        var inspector = S.As(Inspector);
        var id = S.AssessmentA;

        var a = await unit.GetAssessmentAsync(id);
        a.Status.ShouldBe(AssessmentStatus.NotStarted);
        a.Unit.Name.ShouldBe("Sở A");
        a.Criteria.Select(c => c.Id).ShouldBe(["1", "2"]);
        a.Criteria[0].Children.Select(c => c.Id).ShouldBe(["1.1", "1.2"]);
        a.Criteria[0].Children[1].Method!.Levels.Select(l => l.Code).ShouldBe(["A", "B", "C"]);
        a.Actions.EnterSelf.ShouldBeTrue();
        a.Actions.Appraise.ShouldBeFalse();
        a.Final.ShouldBeNull();

        // Self-assessment, each save moving the version.
        a = await unit.SetEntryAsync(id, "1.1", new EntryBody { Points = 25, Note = "Kế hoạch số 12/KH-SA", Version = a.Version });
        a.Status.ShouldBe(AssessmentStatus.Draft);
        a = await unit.SetEntryAsync(id, "1.2", new EntryBody { Level = "B", Version = a.Version });
        a = await unit.SetEntryAsync(id, "2", new EntryBody { Checked = ["a"], Version = a.Version });
        a.Self.Total.ShouldBe(65m);
        a.Self.Band.ShouldBe("HT");
        // Stored as the page's save stores it, so the unit's list and the queue show the same total before submission.
        await using (var stored = S.App.NewDbContext())
            (await stored.Assessments.Where(x => x.Id == id).Select(x => new { x.SelfTotal, x.SelfBand }).SingleAsync()).ShouldBe(new { SelfTotal = (decimal?)65m, SelfBand = (string?)"HT" });
        a.Criteria[0].Children[0].SelfEntry!.Note.ShouldBe("Kế hoạch số 12/KH-SA");
        a.Criteria[0].Children[0].SelfEntry!.EnteredBy.ShouldBe(UnitA);

        // Evidence: a real (tiny) PDF, and a document reference.
        var upload = await unit.UploadAsync(id, "1.1", "ke-hoach.pdf", TinyPdf);
        upload.StatusCode.ShouldBe(HttpStatusCode.Created);
        var file = await upload.ReadAsync<EvidenceView>();
        file.ContentType.ShouldBe("application/pdf");
        file.Size.ShouldBe(TinyPdf.Length);
        var reference = await (await unit.PostJsonAsync($"/api/v1/assessments/{id}/evidence",
            new EvidenceReferenceBody { CriterionId = "1.1", DocumentRef = "Kế hoạch số 12/KH-SA ngày 10/01/2025" })).ReadAsync<EvidenceView>();
        reference.ContentUrl.ShouldBeNull();
        var download = await unit.GetAsync(file.ContentUrl);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(TinyPdf);
        var listed = await (await unit.GetAsync($"/api/v1/assessments/{id}/evidence")).ReadAsync<PagedList<EvidenceView>>();
        listed.Count.ShouldBe(2);
        (await unit.GetAssessmentAsync(id)).Criteria[0].Children[0].EvidenceCount.ShouldBe(2);

        // Submission needs the head's confirmation first.
        (await unit.PostJsonAsync($"/api/v1/assessments/{id}/submit", new VersionBody { Version = a.Version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await unit.PostJsonAsync($"/api/v1/assessments/{id}/confirm", new VersionBody { Version = a.Version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        a = await head.ActAsync(id, "confirm", new VersionBody { Version = a.Version });
        a.ConfirmedBy.ShouldBe(HeadA);
        a = await unit.ActAsync(id, "submit", new VersionBody { Version = a.Version });
        a.Status.ShouldBe(AssessmentStatus.Submitted);
        a.IsLate.ShouldBeFalse();
        (await unit.SetEntryResponseAsync(id, "1.1", new EntryBody { Points = 30, Version = a.Version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var submitted = await (await coordinator.GetAsync($"/api/v1/periods/{S.PeriodId}/assessments?status=Submitted")).ReadAsync<PagedList<DanVan.Web.Api.Periods.AssessmentSummary>>();
        submitted.Items.Select(x => x.Id).ShouldBe([id]);
        submitted.Items.Single().SelfBand.ShouldBe("HT");

        // Appraisal: a reason is mandatory.
        a = await coordinator.GetAssessmentAsync(id);
        a.Actions.Appraise.ShouldBeTrue();
        var noReason = await coordinator.SetEntryResponseAsync(id, "1.1", new EntryBody { Layer = ScoreLayer.Appraisal, Points = 20, Version = a.Version });
        (await noReason.ProblemAsync(400)).Errors().ShouldContainKey("criterion:1.1/note");
        a = await coordinator.SetEntryAsync(id, "1.1", new EntryBody
        {
            Layer = ScoreLayer.Appraisal, Points = 20, Note = "Kế hoạch ban hành chậm so với hướng dẫn", Version = a.Version,
        });
        a.Final!.Total.ShouldBe(60m);

        // Returned for revision; the unit revises, the head confirms again, the unit resubmits.
        var blank = await coordinator.PostJsonAsync($"/api/v1/assessments/{id}/return", new ReturnBody { Version = a.Version });
        (await blank.ProblemAsync(400)).Errors().ShouldContainKey("comment");
        a = await coordinator.ActAsync(id, "return", new ReturnBody { Version = a.Version, Comment = "Bổ sung minh chứng tiêu chí 1.2" });
        a.Status.ShouldBe(AssessmentStatus.Returned);
        a.ConfirmedAt.ShouldBeNull();
        a = await unit.GetAssessmentAsync(id);
        a.ReturnComment.ShouldBe("Bổ sung minh chứng tiêu chí 1.2");
        a = await unit.SetEntryAsync(id, "1.2", new EntryBody { Level = "A", Note = "Đã bổ sung", Version = a.Version });
        a = await head.ActAsync(id, "confirm", new VersionBody { Version = a.Version });
        a = await unit.ActAsync(id, "submit", new VersionBody { Version = a.Version });
        a.Status.ShouldBe(AssessmentStatus.Submitted);
        a.Self.Total.ShouldBe(75m);
        a.Self.Band.ShouldBe("HTT");

        // Inspection finding, then appraisal done and approval: the final class is computed.
        a = await inspector.GetAssessmentAsync(id);
        (await inspector.SetEntryResponseAsync(id, "2", new EntryBody { Layer = ScoreLayer.Inspection, Checked = ["a", "b"], Version = a.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        a = await inspector.SetEntryAsync(id, "2", new EntryBody
        {
            Layer = ScoreLayer.Inspection, Checked = ["a", "b"], Note = "Đoàn kiểm tra xác nhận có tổ chức đối thoại", Version = a.Version,
        });
        (await inspector.PostJsonAsync($"/api/v1/assessments/{id}/approve", new VersionBody { Version = a.Version })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        a = await coordinator.ActAsync(id, "appraised", new VersionBody { Version = a.Version });
        a.Status.ShouldBe(AssessmentStatus.Appraised);
        a = await coordinator.ActAsync(id, "approve", new VersionBody { Version = a.Version });
        a.Status.ShouldBe(AssessmentStatus.Approved);
        a.Final!.Total.ShouldBe(90m);
        a.Final.Band.ShouldBe("HTXS");

        var mine = await unit.GetAssessmentAsync(id);
        mine.Final!.Band.ShouldBe("HTXS");
        mine.Criteria[0].Children[0].FinalPoints.ShouldBe(20m);
        mine.Actions.EnterSelf.ShouldBeFalse();

        // Read-only after approval, for every layer and for evidence.
        (await unit.SetEntryResponseAsync(id, "1.1", new EntryBody { Points = 30, Version = a.Version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await coordinator.SetEntryResponseAsync(id, "1.1", new EntryBody { Layer = ScoreLayer.Appraisal, Points = 30, Note = "x", Version = a.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await unit.UploadAsync(id, "1.1", "them.pdf", TinyPdf)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await unit.DeleteAsync($"/api/v1/evidence/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var results = await (await coordinator.GetAsync($"/api/v1/periods/{S.PeriodId}/results")).ReadAsync<PeriodResultsView>();
        var row = results.Units.Single(u => u.AssessmentId == id);
        row.Self.Band.ShouldBe("HTT");
        row.Final!.Band.ShouldBe("HTXS");
        var group = results.Groups.Single();
        group.Units.ShouldBe(2);
        group.Evaluated.ShouldBe(1);
        group.FinalClasses.Single(c => c.Band == "HTXS").Count.ShouldBe(1);

        await using (var db = S.App.NewDbContext())
        {
            var stored = await db.Assessments.SingleAsync(x => x.Id == id);
            stored.FinalTotal.ShouldBe(90m);
            stored.FinalBand.ShouldBe("HTXS");
        }

        // Reopening needs a reason.
        (await (await coordinator.PostJsonAsync($"/api/v1/assessments/{id}/reopen", new ReopenBody { Version = a.Version })).ProblemAsync(400))
            .Errors().ShouldContainKey("reason");
        a = await coordinator.ActAsync(id, "reopen", new ReopenBody { Version = a.Version, Reason = "Khiếu nại về kết quả tiêu chí 2" });
        a.Status.ShouldBe(AssessmentStatus.Appraised);

        var audit = await (await unit.GetAsync($"/api/v1/assessments/{id}/audit?pageSize=100")).ReadAsync<PagedList<AuditLine>>();
        audit.Items.Select(x => x.Action).ShouldContain("assessment.approve");
        audit.Items.ShouldContain(x => x.Action == "entry.appraisal" && x.Reason == "Kế hoạch ban hành chậm so với hướng dẫn" && x.OldValue == "25 điểm" && x.NewValue == "20 điểm");
        audit.Items.ShouldContain(x => x.Action == "assessment.reopen" && x.Reason == "Khiếu nại về kết quả tiêu chí 2" && x.User == Coordinator);
        audit.Items.ShouldContain(x => x.Action == "evidence.add" && x.CriterionId == "1.1");
    }

    [Fact]
    public async Task Should_refuse_a_text_file_named_pdf_and_a_file_over_10_MB_and_store_nothing()
    {
        var unit = S.As(UnitA);
        var text = await unit.UploadAsync(S.AssessmentA, "1.1", "bao-cao.pdf", "Đây là văn bản, không phải PDF"u8.ToArray());
        var problem = await text.ProblemAsync(400);
        problem["code"]!.GetValue<string>().ShouldBe("evidence.fileWrongType");
        problem.Errors()["file:bao-cao.pdf"].Single().ShouldContain("không đúng định dạng");

        var big = new byte[EvidenceFiles.MaxBytes + 1];
        TinyPdf.CopyTo(big, 0);
        var tooBig = await unit.UploadAsync(S.AssessmentA, "1.1", "lon.pdf", big);
        (await tooBig.ProblemAsync(413))["detail"]!.GetValue<string>().ShouldContain("10 MB");

        var noCriterion = await unit.UploadAsync(S.AssessmentA, "9.9", "ke-hoach.pdf", TinyPdf);
        (await noCriterion.ProblemAsync(400)).Errors().ShouldContainKey("criterionId");

        await using var db = S.App.NewDbContext();
        (await db.Evidence.CountAsync()).ShouldBe(0);
        (await S.App.StoredEvidenceFilesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_accept_Word_and_Excel_97_2003_files_and_refuse_two_files_in_one_request()
    {
        var unit = S.As(UnitA);
        var doc = await (await unit.UploadAsync(S.AssessmentA, "1.1", "bien-ban.doc", CompoundFiles.Doc)).ReadAsync<EvidenceView>();
        doc.ContentType.ShouldBe("application/msword");
        var xls = await (await unit.UploadAsync(S.AssessmentA, "1.1", "so-lieu.xls", CompoundFiles.Xls)).ReadAsync<EvidenceView>();
        xls.ContentType.ShouldBe("application/vnd.ms-excel");
        var download = await unit.GetAsync(xls.ContentUrl);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.ms-excel");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(CompoundFiles.Xls);

        var renamed = await (await unit.UploadAsync(S.AssessmentA, "1.1", "so-lieu.doc", CompoundFiles.Xls)).ProblemAsync(400);
        renamed["code"]!.GetValue<string>().ShouldBe("evidence.fileNameMismatch");
        renamed.Errors().Keys.ShouldBe(["file:so-lieu.doc"]);

        // One item per request: a second file is refused, not dropped.
        var form = new MultipartFormDataContent { { new StringContent("1.1"), "criterionId" } };
        form.Add(new ByteArrayContent(TinyPdf), "file", "a.pdf");
        form.Add(new ByteArrayContent(CompoundFiles.Doc), "file", "b.doc");
        var two = await (await unit.PostAsync($"/api/v1/assessments/{S.AssessmentA}/evidence", form)).ProblemAsync(400);
        two["code"]!.GetValue<string>().ShouldBe("evidence.oneFilePerRequest");

        await using var db = S.App.NewDbContext();
        (await db.Evidence.CountAsync()).ShouldBe(2);
        (await S.App.StoredEvidenceFilesAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Should_delete_evidence_while_the_assessment_is_editable()
    {
        var unit = S.As(UnitA);
        var file = await (await unit.UploadAsync(S.AssessmentA, "2", "anh.pdf", TinyPdf)).ReadAsync<EvidenceView>();
        (await unit.DeleteAsync($"/api/v1/evidence/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await unit.GetAsync(file.ContentUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await S.App.StoredEvidenceFilesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Should_record_a_flag_that_caps_the_final_class()
    {
        var unit = S.As(UnitA);
        var coordinator = S.As(Coordinator);
        var a = await unit.GetAssessmentAsync(S.AssessmentA);
        a = await unit.SetEntryAsync(a.Id, "1.1", new EntryBody { Points = 30, Version = a.Version });
        a = await unit.SetEntryAsync(a.Id, "1.2", new EntryBody { Level = "A", Version = a.Version });
        a = await unit.SetEntryAsync(a.Id, "2", new EntryBody { Checked = ["a", "b"], Version = a.Version });
        a = await S.As(HeadA).ActAsync(a.Id, "confirm", new VersionBody { Version = a.Version });
        a = await unit.ActAsync(a.Id, "submit", new VersionBody { Version = a.Version });

        var unknown = await coordinator.PutJsonAsync($"/api/v1/assessments/{a.Id}/flags", new FlagsBody { Version = a.Version, Flags = ["khong-co"], Reason = "x" });
        (await unknown.ProblemAsync(400)).Errors().ShouldContainKey("flags[0]");
        var response = await coordinator.PutJsonAsync($"/api/v1/assessments/{a.Id}/flags",
            new FlagsBody { Version = a.Version, Flags = ["ky-luat"], Reason = "Quyết định kỷ luật số 5/QĐ-SA" });
        a = await response.ReadAsync<AssessmentDetails>();
        a = await coordinator.ActAsync(a.Id, "approve", new VersionBody { Version = a.Version });
        a.Final!.Total.ShouldBe(100m);
        a.Final.Band.ShouldBe("HT");
    }

    private static readonly byte[] TinyPdf = """
        %PDF-1.4
        1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
        2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
        3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj
        trailer <</Root 1 0 R>>
        %%EOF
        """u8.ToArray();
}

[Collection<SqliteWeb>]
public sealed class SqliteEvaluationCycleTests(SqliteWebApp app) : EvaluationCycleTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresEvaluationCycleTests(PostgresWebApp app) : EvaluationCycleTests(app);

/// <summary>Calls on assessments used by several test classes.</summary>
public static class AssessmentCalls
{
    public static async Task<AssessmentDetails> GetAssessmentAsync(this HttpClient client, int id) =>
        await (await client.GetAsync($"/api/v1/assessments/{id}")).ReadAsync<AssessmentDetails>();

    public static Task<HttpResponseMessage> SetEntryResponseAsync(this HttpClient client, int id, string criterionId, EntryBody body) =>
        client.PutJsonAsync($"/api/v1/assessments/{id}/entries/{criterionId}", body);

    public static async Task<AssessmentDetails> SetEntryAsync(this HttpClient client, int id, string criterionId, EntryBody body) =>
        await (await client.SetEntryResponseAsync(id, criterionId, body)).ReadAsync<AssessmentDetails>();

    public static async Task<AssessmentDetails> ActAsync<T>(this HttpClient client, int id, string action, T body) =>
        await (await client.PostJsonAsync($"/api/v1/assessments/{id}/{action}", body)).ReadAsync<AssessmentDetails>();

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, int id, string criterionId, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(criterionId), "criterionId");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return client.PostAsync($"/api/v1/assessments/{id}/evidence", form);
    }
}
