using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Evaluations;

/// <summary>Removing entries, note changes and the "old" value of a first adjustment, with their audit lines.</summary>
[Collection<SqliteDb>]
public sealed class AssessmentEntriesTests(SqliteDatabase db) : IAsyncLifetime
{
    private static readonly DateTime At = new(2024, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase _db = db;
    private EvaluationSetup _setup = null!;

    public async ValueTask InitializeAsync()
    {
        await _db.ResetAsync();
        await using var db = _db.NewContext();
        _setup = await EvaluationSetup.CreateAsync(db);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<(DanVanDbContext Db, EvaluationPeriod Period, Assessment A)> OpenAsync()
    {
        var db = _db.NewContext();
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, _setup.Request(), "test");
        var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.PeriodId == period.Id && x.Unit!.Code == "A1");
        return (db, period, a);
    }

    private static EntryInput Points(decimal points, ScoreLayer layer = ScoreLayer.Self, string? note = null) =>
        new() { CriterionId = "2", Points = points, Layer = layer, Note = note };

    [Fact]
    public async Task Should_remove_a_self_entry_and_record_it_emptied()
    {
        var (db, _, a) = await OpenAsync();
        await using var _ = db;
        AssessmentEntries.Set(db, a, _setup.Set, Points(12), "canbo", At);
        await db.SaveChangesAsync();
        AssessmentEntries.Remove(db, a, "2", ScoreLayer.Self, null, "canbo", At).ShouldBeTrue();
        AssessmentEntries.Remove(db, a, "3", ScoreLayer.Self, null, "canbo", At).ShouldBeFalse();
        await db.SaveChangesAsync();

        (await db.Entries.CountAsync(e => e.AssessmentId == a.Id)).ShouldBe(0);
        var last = await db.Audit.Where(x => x.AssessmentId == a.Id).OrderBy(x => x.Id).LastAsync();
        (last.Action, last.CriterionId, last.OldValue, last.NewValue).ShouldBe(("entry.self", "2", "12 điểm", "(trống)"));
    }

    [Fact]
    public async Task Should_audit_a_changed_explanation_when_the_value_stays()
    {
        var (db, _, a) = await OpenAsync();
        await using var _ = db;
        AssessmentEntries.Set(db, a, _setup.Set, Points(12, note: "Báo cáo số 5/BC"), "canbo", At);
        AssessmentEntries.Set(db, a, _setup.Set, Points(12, note: "Báo cáo số 7/BC"), "canbo", At);
        await db.SaveChangesAsync();
        var line = await db.Audit.SingleAsync(x => x.Action == "entry.self.note");
        (line.OldValue, line.NewValue).ShouldBe(("Báo cáo số 5/BC", "Báo cáo số 7/BC"));
    }

    [Fact]
    public async Task Should_show_the_replaced_self_value_as_old_on_a_first_adjustment_and_need_a_reason_to_withdraw_it()
    {
        var (db, period, a) = await OpenAsync();
        await using var _ = db;
        AssessmentEntries.Set(db, a, _setup.Set, Points(12), "canbo", At);
        AssessmentWorkflow.Confirm(db, a, "thutruong", At);
        AssessmentWorkflow.Submit(db, a, period, _setup.Set, "canbo", At);
        AssessmentEntries.Set(db, a, _setup.Set, Points(10, ScoreLayer.Appraisal, "Thiếu minh chứng"), "snv", At);
        await db.SaveChangesAsync();

        var adjusted = await db.Audit.SingleAsync(x => x.Action == "entry.appraisal");
        (adjusted.OldValue, adjusted.NewValue, adjusted.Reason).ShouldBe(("12 điểm", "10 điểm", "Thiếu minh chứng"));

        Should.Throw<RefusedInputException>(() => AssessmentEntries.Remove(db, a, "2", ScoreLayer.Appraisal, " ", "snv", At));
        AssessmentEntries.Remove(db, a, "2", ScoreLayer.Appraisal, "Đơn vị bổ sung minh chứng", "snv", At).ShouldBeTrue();
        Should.Throw<RefusedInputException>(() => AssessmentEntries.Remove(db, a, "2", ScoreLayer.Self, null, "canbo", At));
        await db.SaveChangesAsync();
        var withdrawn = await db.Audit.Where(x => x.Action == "entry.appraisal").OrderBy(x => x.Id).LastAsync();
        (withdrawn.OldValue, withdrawn.NewValue, withdrawn.Reason).ShouldBe(("10 điểm", "(trống)", "Đơn vị bổ sung minh chứng"));
    }
}
