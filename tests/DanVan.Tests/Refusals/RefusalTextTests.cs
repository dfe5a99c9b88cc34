using DanVan.Refusals;

namespace DanVan.Tests.Refusals;

public sealed class RefusalTextTests
{
    [Fact]
    public void Words_a_refusal_in_Vietnamese_by_default_and_in_English_on_request()
    {
        var refusal = Refusal.Of("request.tooLong", Where.AtField("reason"), ("field", "reason"), ("max", 4000));

        RefusalText.Render(refusal, RefusalText.CultureFor(null)).ShouldBe("lý do dài quá 4.000 ký tự.");
        RefusalText.Render(refusal, RefusalText.CultureFor("en-US,en;q=0.9")).ShouldBe("reason is longer than 4000 characters.");
        RefusalText.Knows("request.tooLong").ShouldBeTrue();
    }

    [Fact]
    public void Places_a_refusal_in_a_file_by_sheet_row_and_column()
    {
        var refusal = Refusal.Of("request.required", Where.AtCell("diem.xlsx", 3, "D", "Điểm"), ("field", "points"));

        refusal.Where.Key.ShouldBe("file:diem.xlsx/sheet:Điểm/row:3/column:D");
        RefusalText.RenderWithPlace(refusal, RefusalText.Vietnamese).ShouldBe("diem.xlsx, trang tính Điểm, dòng 3, cột D: Cần nhập điểm.");
    }

    [Fact]
    public void An_unknown_code_is_shown_as_itself_rather_than_lost()
    {
        RefusalText.Render(new Refusal("no.such.code", Where.Request), RefusalText.Vietnamese).ShouldBe("no.such.code");
        RefusalText.Knows("no.such.code").ShouldBeFalse();
    }
}
