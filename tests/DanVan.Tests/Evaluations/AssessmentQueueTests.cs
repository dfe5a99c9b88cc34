using DanVan.Evaluations;

namespace DanVan.Tests.Evaluations;

public sealed class AssessmentQueueTests
{
    private static QueueItem Item(int id, string code, string name, int parent, int group, AssessmentStatus status, bool late = false, decimal? self = null) =>
        new(id, code, name, $"/1/{parent}/{id}/", parent, $"Huyện {parent}", group, $"Khối {group}", group, status, late, null, self, null, null, null, 1);

    private static readonly QueueItem[] Items =
    [
        Item(1, "SO-A", "Sở Nội vụ", 1, 1, AssessmentStatus.Submitted, late: true, self: 80),
        Item(2, "X01", "UBND xã Kiến Giang", 5, 2, AssessmentStatus.Returned, late: true, self: 70),
        Item(3, "P01", "UBND phường Đồng Hới", 5, 2, AssessmentStatus.NotStarted),
        Item(4, "X02", "UBND xã Đông Trạch", 6, 2, AssessmentStatus.Approved, self: 95),
    ];

    [Fact]
    public void Should_find_units_by_words_of_their_name_or_code_whatever_the_diacritics_and_case()
    {
        AssessmentQueue.Select(Items, new QueueFilter(Search: "DONG HOI")).Rows.Select(r => r.UnitCode).ShouldBe(["P01"]);
        AssessmentQueue.Select(Items, new QueueFilter(Search: "đông")).Rows.Select(r => r.UnitCode).ShouldBe(["P01", "X02"]);
        AssessmentQueue.Select(Items, new QueueFilter(Search: "so-a")).Rows.Select(r => r.UnitCode).ShouldBe(["SO-A"]);
        AssessmentQueue.Select(Items, new QueueFilter(Search: "   ")).Total.ShouldBe(4);
    }

    [Fact]
    public void Should_count_each_status_under_the_other_filters_and_never_call_a_returned_file_late()
    {
        var r = AssessmentQueue.Select(Items, new QueueFilter(Status: "late", AreaId: 5));
        r.Counts["all"].ShouldBe(2);
        r.Counts["late"].ShouldBe(0);
        r.Counts["returned"].ShouldBe(1);
        r.Total.ShouldBe(0);
        AssessmentQueue.Select(Items, new QueueFilter(Status: "late")).Rows.Select(x => x.UnitCode).ShouldBe(["SO-A"]);
    }

    [Fact]
    public void Should_sort_empty_scores_last_when_descending_and_keep_paper_order_for_ties()
    {
        AssessmentQueue.Select(Items, new QueueFilter(Sort: "self", Descending: true)).Rows.Select(r => r.UnitCode).ShouldBe(["X02", "SO-A", "X01", "P01"]);
        AssessmentQueue.Select(Items, new QueueFilter()).Rows.Select(r => r.UnitCode).ShouldBe(["SO-A", "P01", "X01", "X02"]);
        AssessmentQueue.Select(Items, new QueueFilter(Sort: "nonsense", Status: "nonsense").Normalised()).Filter.ShouldBe(new QueueFilter());
    }

    [Fact]
    public void Should_clamp_the_page_to_the_last_and_list_areas_by_name()
    {
        var many = Enumerable.Range(1, 120).Select(i => Item(i, $"X{i:D3}", $"Xã {i}", 5 + i % 2, 2, AssessmentStatus.Draft)).ToList();
        var last = AssessmentQueue.Select(many, new QueueFilter(Page: 7));
        (last.Page, last.Pages, last.Rows.Count, last.All.Count).ShouldBe((3, 3, 20, 120));
        last.Rows[0].UnitCode.ShouldBe("X101");
        last.Areas.Select(a => (a.Id, a.Count)).ShouldBe([(5, 60), (6, 60)]);
        AssessmentQueue.Select([], new QueueFilter()).Pages.ShouldBe(1);
    }
}
