using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;

namespace DanVan.Tests.Evaluations;

/// <summary>Two people on one sheet conflict only on a criterion both changed: the rule per criterion.</summary>
public sealed class EntryConflictsTests
{
    private static Assessment Sheet(params AssessmentEntry[] entries)
    {
        var a = new Assessment();
        a.Entries.AddRange(entries);
        return a;
    }

    private static AssessmentEntry Entry(string criterion, decimal points, string? note = null, string by = "userA") =>
        new() { CriterionId = criterion, Layer = ScoreLayer.Self, Points = points, Note = note, EnteredBy = by };

    private static EntryInput Input(string criterion, decimal points, string? note = null) => new() { CriterionId = criterion, Points = points, Note = note };

    [Fact]
    public void Should_let_a_save_through_when_its_criterion_is_as_the_user_read_it_though_others_changed()
    {
        var read = Sheet(Entry("1", 30), Entry("2", 10));
        var stamp1 = EntryConflicts.Stamp(read, "1", ScoreLayer.Self);
        // The head changed criterion 2 meanwhile; the clerk saves criterion 1 from what they read.
        var now = Sheet(Entry("1", 30), Entry("2", 15, by: "headA"));

        EntryConflicts.Check(now, "1", ScoreLayer.Self, stamp1, Input("1", 32)).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_a_criterion_someone_else_changed_naming_their_value_and_name()
    {
        var stamp = EntryConflicts.Stamp(Sheet(Entry("1", 30)), "1", ScoreLayer.Self);
        var now = Sheet(Entry("1", 35, by: "headA"));

        var refusal = EntryConflicts.Check(now, "1", ScoreLayer.Self, stamp, Input("1", 32)).ShouldNotBeNull();
        refusal.Code.ShouldBe("entry.changedByOther");
        refusal.Where.Criterion.ShouldBe("1");
        refusal.Args["user"].ShouldBe("headA");
        refusal.Args["value"].ShouldBe("35 điểm");
    }

    [Fact]
    public void Should_see_a_first_value_a_cleared_value_and_a_changed_note_as_changes()
    {
        var empty = EntryConflicts.Stamp(Sheet(), "1", ScoreLayer.Self);
        empty.ShouldBe(EntryConflicts.None);
        EntryConflicts.Check(Sheet(Entry("1", 20, by: "headA")), "1", ScoreLayer.Self, empty, Input("1", 32)).ShouldNotBeNull("the other entered the first value");

        var had = EntryConflicts.Stamp(Sheet(Entry("1", 20)), "1", ScoreLayer.Self);
        EntryConflicts.Check(Sheet(), "1", ScoreLayer.Self, had, Input("1", 32)).ShouldNotBeNull("the other cleared it");
        EntryConflicts.Check(Sheet(Entry("1", 20, note: "Kế hoạch số 12/KH")), "1", ScoreLayer.Self, had, Input("1", 32)).ShouldNotBeNull("the other wrote a note");
    }

    [Fact]
    public void Should_not_refuse_when_both_made_the_same_change()
    {
        var stamp = EntryConflicts.Stamp(Sheet(Entry("1", 30)), "1", ScoreLayer.Self);
        EntryConflicts.Check(Sheet(Entry("1", 35, note: "Báo cáo số 5", by: "headA")), "1", ScoreLayer.Self, stamp, Input("1", 35, " Báo cáo số 5 ")).ShouldBeNull();
        EntryConflicts.Check(Sheet(), "1", ScoreLayer.Self, stamp, null).ShouldBeNull("both cleared it");
    }

    [Fact]
    public void Should_stamp_by_value_and_note_only()
    {
        EntryConflicts.Stamp(Entry("1", 30, by: "userA")).ShouldBe(EntryConflicts.Stamp(Entry("1", 30.0m, by: "headA")));
        EntryConflicts.Stamp(Entry("1", 30)).ShouldNotBe(EntryConflicts.Stamp(Entry("1", 30.5m)));
        EntryConflicts.Stamp(Entry("1", 30)).ShouldNotBe(EntryConflicts.Stamp(Entry("1", 30, note: "x")));
    }
}
