using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Evaluations;

/// <summary>The state rules of entries and the workflow, and their audit lines.</summary>
[Collection<SqliteDb>]
public sealed class AssessmentWorkflowTests(SqliteDatabase db) : IAsyncLifetime
{
    private static readonly DateTime Before = new(2024, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime After = new(2024, 12, 5, 2, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase _db = db;
    private EvaluationSetup _setup = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.ResetAsync();
        await using var db = _db.NewContext();
        _setup = await EvaluationSetup.CreateAsync(db);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private CriteriaSet Set => _setup.Set;

    private async Task<(DanVanDbContext Db, EvaluationPeriod Period, Assessment A)> OpenAsync(bool acceptLate = true)
    {
        var db = _db.NewContext();
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, _setup.Request(acceptLate: acceptLate), "test");
        var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.PeriodId == period.Id && x.Unit!.Code == "A1");
        return (db, period, a);
    }

    private static EntryInput Points(string id, decimal points, ScoreLayer layer = ScoreLayer.Self, string? note = null) =>
        new() { CriterionId = id, Points = points, Layer = layer, Note = note };

    private async Task SubmitAsync(DanVanDbContext db, EvaluationPeriod period, Assessment a, DateTime at)
    {
        AssessmentEntries.Set(db, a, Set, Points("2", 12), "canbo", at);
        AssessmentWorkflow.Confirm(db, a, "thutruong", at);
        AssessmentWorkflow.Submit(db, a, period, Set, "canbo", at);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Should_start_a_draft_on_the_first_self_entry_and_audit_only_real_changes()
    {
        var (db, _, a) = await OpenAsync();
        await using var _ = db;
        AssessmentEntries.Set(db, a, Set, Points("2", 12, note: "Báo cáo số 5/BC"), "canbo", Before);
        a.Status.ShouldBe(AssessmentStatus.Draft);
        AssessmentEntries.Set(db, a, Set, Points("2", 12), "canbo", Before);
        AssessmentEntries.Set(db, a, Set, Points("2", 12.5m), "canbo", Before);
        await db.SaveChangesAsync();

        var lines = await db.Audit.Where(x => x.Action == "entry.self").OrderBy(x => x.Id).ToListAsync();
        lines.Select(x => (x.OldValue, x.NewValue)).ShouldBe([(null, "12 điểm"), ("12 điểm", "12,5 điểm")]);
        lines.ShouldAllBe(x => x.User == "canbo" && x.CriterionId == "2" && x.AssessmentId == a.Id);
    }

    [Theory]
    [InlineData("2", "16", "16 is outside [0, 15] for criterion 2")]
    [InlineData("2", "7.25", "7.25 is not a multiple of the step 0.5 for criterion 2")]
    [InlineData("1.1", "Z", "level 'Z' does not exist for criterion 1.1 (levels: A, B, C)")]
    [InlineData("1", "5", "criterion 1 is scored by its sub-criteria")]
    [InlineData("5", "na", "criterion 5 always applies; it cannot be marked not applicable")]
    [InlineData("9.9", "1", "criterion '9.9' is not in the criteria set")]
    [InlineData("4.1", "-1", "the achieved figure must not be negative for criterion 4.1")]
    public async Task Should_refuse_a_value_its_criterion_does_not_allow(string criterion, string value, string message)
    {
        var (db, _, a) = await OpenAsync();
        await using var _ = db;
        var input = value switch
        {
            "Z" => new EntryInput { CriterionId = criterion, Level = value },
            "na" => new EntryInput { CriterionId = criterion, NotApplicable = true },
            _ when criterion == "4.1" => new EntryInput { CriterionId = criterion, Achieved = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => Points(criterion, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
        };
        var ex = Should.Throw<RefusedInputException>(() => AssessmentEntries.Set(db, a, Set, input, "canbo", Before));
        ex.Problems.ShouldHaveSingleItem().Message.ShouldStartWith(message);
        a.Entries.ShouldBeEmpty();
        a.Status.ShouldBe(AssessmentStatus.NotStarted);
        db.ChangeTracker.Entries<DanVan.Audit.AuditEntry>().Count(e => e.State == EntityState.Added).ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_a_unit_score_for_a_criterion_the_level_above_scores()
    {
        var (db, _, a) = await OpenAsync();
        await using var _ = db;
        var set = Set with { Criteria = [.. Set.Criteria.Select(c => c.Id == "6" ? c with { ScoredBy = ScoredBy.Superior } : c)] };
        Should.Throw<RefusedInputException>(() => AssessmentEntries.Set(db, a, set, Points("6", 5), "canbo", Before))
            .Problems.Single().Message.ShouldBe("criterion 6 is scored by the level above, not by the unit");
    }

    [Fact]
    public async Task Should_refuse_adjustments_before_submission_and_without_a_reason()
    {
        var (db, period, a) = await OpenAsync();
        await using var _ = db;
        AssessmentEntries.Set(db, a, Set, Points("2", 12), "canbo", Before);
        Should.Throw<RefusedInputException>(() => AssessmentEntries.Set(db, a, Set, Points("2", 10, ScoreLayer.Appraisal, "Thiếu minh chứng"), "snv", Before))
            .Problems.Single().Message.ShouldBe("the assessment is Draft; only a submitted assessment can be appraised");

        AssessmentWorkflow.Confirm(db, a, "thutruong", Before);
        AssessmentWorkflow.Submit(db, a, period, Set, "canbo", Before);
        Should.Throw<RefusedInputException>(() => AssessmentEntries.Set(db, a, Set, Points("2", 10, ScoreLayer.Appraisal), "snv", Before))
            .Problems.Single().Message.ShouldBe("an adjustment needs a reason");
        Should.Throw<RefusedInputException>(() => AssessmentEntries.Set(db, a, Set, Points("2", 13), "canbo", Before))
            .Problems.Single().Message.ShouldBe("the assessment is Submitted; the unit can no longer change it");
        AssessmentEntries.Set(db, a, Set, Points("2", 10, ScoreLayer.Inspection, "Đoàn kiểm tra"), "doankiemtra", Before);
    }

    [Fact]
    public async Task Should_need_the_heads_confirmation_to_submit_and_store_the_self_result()
    {
        var (db, period, a) = await OpenAsync();
        await using var _ = db;
        AssessmentEntries.Set(db, a, Set, Points("2", 12), "canbo", Before);
        Should.Throw<RefusedInputException>(() => AssessmentWorkflow.Submit(db, a, period, Set, "canbo", Before))
            .Problems.Single().Message.ShouldBe("the unit head has not confirmed the self-assessment");

        AssessmentWorkflow.Confirm(db, a, "thutruong", Before);
        AssessmentWorkflow.Submit(db, a, period, Set, "canbo", Before);
        a.Status.ShouldBe(AssessmentStatus.Submitted);
        a.IsLate.ShouldBeFalse();
        a.SelfTotal.ShouldBe(12m);
        a.SelfBand.ShouldBe("KHT");
        await db.SaveChangesAsync();
        (await db.Audit.Where(x => x.Action.StartsWith("assessment.")).Select(x => x.Action + ":" + x.OldValue + "→" + x.NewValue).ToListAsync())
            .ShouldBe(["assessment.confirm:Draft→Draft", "assessment.submit:Draft→Submitted"]);
    }

    [Fact]
    public async Task Should_mark_a_late_submission_or_refuse_it_when_the_period_refuses_late_ones()
    {
        var (db, period, a) = await OpenAsync();
        await using (db)
        {
            await SubmitAsync(db, period, a, After);
            a.IsLate.ShouldBeTrue();
        }

        await using var other = _db.NewContext();
        var strict = await DanVan.Evaluations.Periods.OpenAsync(other, _setup.Request(2025, acceptLate: false), "test");
        var b = await other.Assessments.Include(x => x.Entries).SingleAsync(x => x.PeriodId == strict.Id && x.Unit!.Code == "A1");
        AssessmentEntries.Set(other, b, Set, Points("2", 12), "canbo", After);
        AssessmentWorkflow.Confirm(other, b, "thutruong", After.AddYears(1));
        Should.Throw<RefusedInputException>(() => AssessmentWorkflow.Submit(other, b, strict, Set, "canbo", After.AddYears(1)))
            .Problems.Single().Message.ShouldBe("the deadline 30/11/2025 has passed and late submissions are refused");
        b.Status.ShouldBe(AssessmentStatus.Draft);
    }

    [Fact]
    public async Task Should_return_with_a_comment_clear_the_confirmation_and_keep_lateness_on_resubmission()
    {
        var (db, period, a) = await OpenAsync(acceptLate: false);
        await using var _ = db;
        await SubmitAsync(db, period, a, Before);
        Should.Throw<RefusedInputException>(() => AssessmentWorkflow.Return(db, a, " ", "snv", After))
            .Problems.Single().Message.ShouldBe("a return needs a comment");

        AssessmentWorkflow.Return(db, a, "Bổ sung tài liệu kiểm chứng tiêu chí 2", "snv", After);
        a.Status.ShouldBe(AssessmentStatus.Returned);
        a.ConfirmedAt.ShouldBeNull();
        a.IsEditableByUnit.ShouldBeTrue();

        // Returned after the deadline: the revision is neither refused nor marked late.
        AssessmentEntries.Set(db, a, Set, Points("2", 11.5m), "canbo", After);
        AssessmentWorkflow.Confirm(db, a, "thutruong", After);
        AssessmentWorkflow.Submit(db, a, period, Set, "canbo", After.AddDays(1));
        a.Status.ShouldBe(AssessmentStatus.Submitted);
        a.IsLate.ShouldBeFalse();
        a.ReturnComment.ShouldBeNull();
        a.SelfTotal.ShouldBe(11.5m);
    }

    [Fact]
    public async Task Should_approve_only_a_submitted_or_appraised_assessment_and_compute_the_final_result()
    {
        var (db, period, a) = await OpenAsync();
        await using var _ = db;
        AssessmentEntries.Set(db, a, Set, Points("2", 12), "canbo", Before);
        Should.Throw<RefusedInputException>(() => AssessmentWorkflow.Approve(db, a, Set, null, "snv", After))
            .Problems.Single().Message.ShouldBe($"assessment {a.Id} is Draft; only a submitted or appraised one can be approved");
        Should.Throw<RefusedInputException>(() => AssessmentWorkflow.MarkAppraised(db, a, "snv", After));
        Should.Throw<RefusedInputException>(() => AssessmentWorkflow.Return(db, a, "Sai", "snv", After));

        AssessmentWorkflow.Confirm(db, a, "thutruong", Before);
        AssessmentWorkflow.Submit(db, a, period, Set, "canbo", Before);
        AssessmentEntries.Set(db, a, Set, Points("2", 10, ScoreLayer.Appraisal, "Thiếu báo cáo"), "snv", After);
        AssessmentWorkflow.MarkAppraised(db, a, "snv", After);
        var final = AssessmentWorkflow.Approve(db, a, Set, null, "snv", After);
        final.Total.ShouldBe(10m);
        a.FinalTotal.ShouldBe(10m);
        a.FinalBand.ShouldBe("KHT");
        a.Status.ShouldBe(AssessmentStatus.Approved);

        Should.Throw<RefusedInputException>(() => AssessmentEntries.Set(db, a, Set, Points("2", 9, ScoreLayer.Appraisal, "Sửa"), "snv", After));
        Should.Throw<RefusedInputException>(() => AssessmentWorkflow.Reopen(db, a, "", "snv", After))
            .Problems.Single().Message.ShouldBe("reopening needs a reason");
        AssessmentWorkflow.Reopen(db, a, "Phát hiện sai sót số liệu", "snv", After);
        a.Status.ShouldBe(AssessmentStatus.Appraised);
        a.FinalBand.ShouldBeNull();
        await db.SaveChangesAsync();
        (await db.Audit.SingleAsync(x => x.Action == "assessment.reopen")).Reason.ShouldBe("Phát hiện sai sót số liệu");
    }

    [Theory]
    [InlineData(16, 59, false)] // 23:59 on the deadline day in Vietnam
    [InlineData(18, 0, true)] // 01:00 the day after in Vietnam, still the deadline day in UTC
    public async Task Should_judge_the_deadline_day_in_Vietnam_time(int hour, int minute, bool late)
    {
        var (db, period, a) = await OpenAsync();
        await using var _ = db;
        await SubmitAsync(db, period, a, new DateTime(2024, 11, 30, hour, minute, 0, DateTimeKind.Utc));
        period.Deadline.ShouldBe(new DateOnly(2024, 11, 30));
        a.IsLate.ShouldBe(late);
    }

    [Fact]
    public async Task Should_date_a_recorded_submission_apart_from_its_audit_line()
    {
        var (db, period, a) = await OpenAsync();
        await using var _ = db;
        AssessmentEntries.Set(db, a, Set, Points("2", 12), "cli", After);
        AssessmentWorkflow.Confirm(db, a, "cli", After);
        AssessmentWorkflow.Submit(db, a, period, Set, "cli", After, submittedAt: Before);
        a.SubmittedAt.ShouldBe(Before);
        a.IsLate.ShouldBeFalse();
        await db.SaveChangesAsync();
        var line = await db.Audit.SingleAsync(x => x.Action == "assessment.submit");
        line.At.ShouldBe(After);
        line.Reason.ShouldBe("nộp ngày 20/11/2024");
    }
}
