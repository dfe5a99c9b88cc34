using System.Net;
using DanVan.Accounts;
using DanVan.Registries;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DanVan.Web.Tests.Registries.RegistryScenario;

namespace DanVan.Web.Tests.Registries;

/// <summary>The suggested duplicates page: the same person at a district and at the province, written differently, shown
/// with Vietnamese reasons to the province's registry clerk, merged into one case and undone; other readers refused.</summary>
public abstract class DuplicatesPageTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private async Task<(RegistryScenario S, string AtDistrict, string AtProvince)> SeedAsync()
    {
        var s = await RegistryScenario.SeedAsync(_app);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var name in new[] { ProvinceClerk, LeThuyClerk, Leader })
                (await users.AddPasswordAsync((await users.FindByNameAsync(name))!, TestWorld.Password)).Succeeded.ShouldBeTrue();
        }
        var atDistrict = (await s.RecordAsync(LeThuyClerk, new
        {
            unitId = s.LeThuy, receivedOn = "2022-11-02", kind = "thường xuyên", receivedByName = "Hồ Văn Tiếp", summary = "Phản ánh ô nhiễm từ cơ sở chăn nuôi",
            matterKind = "phản ánh", outcome = "giải thích",
            visitors = new[] { new { name = "Nguyễn Văn An", idNumber = "044190001234", address = "thôn Tân Hiệp, xã Tân Thủy, huyện Lệ Thủy", phone = "0912345678" } },
        }))["key"]!.GetValue<string>();
        var atProvince = (await s.RecordAsync(ProvinceClerk, new
        {
            unitId = s.Province, receivedOn = "2022-11-20", kind = "định kỳ", receivedByName = "Lãnh đạo tỉnh", summary = "Phản ánh ô nhiễm từ cơ sở chăn nuôi lợn",
            matterKind = "phản ánh", outcome = "giải thích",
            visitors = new[] { new { name = "An Nguyễn Văn", idNumber = "044 190 001 234", address = "Thôn Tân Hiệp, X. Tân Thủy, H. Lệ Thủy", phone = "+84 912 345 678" } },
        }))["key"]!.GetValue<string>();
        return (s, atDistrict, atProvince);
    }

    [Fact]
    public async Task Should_show_the_pair_with_reasons_merge_it_into_one_case_and_undo_it()
    {
        var (s, atDistrict, atProvince) = await SeedAsync();
        var clerk = await TestClient.LoginAsync(_app, ProvinceClerk);
        var list = await clerk.GetAsync("/Registries/Receptions");
        list.Find("#duplicates-link").GetAttribute("href").ShouldBe($"/Registries/Duplicates?unit={s.Province}");

        var page = await clerk.GetAsync($"/Registries/Duplicates?unit={s.Province}");
        page.Status.ShouldBe(HttpStatusCode.OK);
        var pair = page.Find("section.duplicate-pair");
        new[] { pair.GetAttribute("data-left"), pair.GetAttribute("data-right") }.ShouldBe([atDistrict, atProvince], ignoreOrder: true);
        var reasons = pair.QuerySelectorAll("[data-reason]").Select(r => r.TextContent.Trim()).ToList();
        reasons.ShouldContain("Số CCCD: trùng khớp");
        reasons.ShouldContain("Điện thoại: trùng khớp");
        reasons.ShouldContain(r => r.StartsWith("Họ tên: ", StringComparison.Ordinal));
        page.Text("[data-probability]").ShouldMatch(@"^Khả năng trùng: \d+(,\d)?%$");
        page.Text("#no-decisions").ShouldBe("Chưa có quyết định nào.");

        var merged = await clerk.SubmitAsync(page, "section.duplicate-pair form", null, "section.duplicate-pair [data-merge]");
        merged.Status.ShouldBe(HttpStatusCode.OK);
        merged.Text("#notice").ShouldBe("Đã gộp hai hồ sơ vào một vụ việc.");
        merged.Document.QuerySelectorAll("section.duplicate-pair").Length.ShouldBe(0);
        merged.Find("#decisions tbody tr [data-merged]").GetAttribute("data-merged").ShouldBe("true");
        await using (var db = _app.NewDbContext())
        {
            var cases = await db.Receptions.Select(r => r.CaseId).ToListAsync();
            cases.ShouldAllBe(c => c != null && c == cases[0]);
        }

        var undone = await clerk.SubmitAsync(merged, "#decisions tbody tr form", null, "#decisions [data-undo]");
        undone.Text("#notice").ShouldBe("Đã hoàn tác quyết định.");
        undone.Document.QuerySelectorAll("section.duplicate-pair").Length.ShouldBe(1);
        undone.Text("#no-decisions").ShouldBe("Chưa có quyết định nào.");
        await using (var db = _app.NewDbContext())
            (await db.Receptions.CountAsync(r => r.CaseId != null)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_a_viewer_with_403_and_a_district_clerk_on_the_province_with_404()
    {
        var (s, atDistrict, atProvince) = await SeedAsync();
        var viewer = await TestClient.LoginAsync(_app, Leader);
        (await viewer.GetAsync($"/Registries/Duplicates?unit={s.Province}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        var district = await TestClient.LoginAsync(_app, LeThuyClerk);
        (await district.GetAsync($"/Registries/Duplicates?unit={s.Province}")).Status.ShouldBe(HttpStatusCode.NotFound);
        // The district's own page cannot reach the province's record either.
        var own = await district.GetAsync($"/Registries/Duplicates?unit={s.LeThuy}");
        own.Status.ShouldBe(HttpStatusCode.OK);
        own.Document.QuerySelectorAll("section.duplicate-pair").Length.ShouldBe(0);
        var posted = await district.PostAsync($"/Registries/Duplicates?handler=Merge",
            [("__RequestVerificationToken", TestClient.Token(own)), ("unit", s.LeThuy.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             ("left", atDistrict), ("right", atProvince), ("probability", "0.9")]);
        posted.Status.ShouldBe(HttpStatusCode.NotFound);
        await using var db = _app.NewDbContext();
        (await db.DuplicateDecisions.CountAsync()).ShouldBe(0);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteDuplicatesPageTests(SqliteWebApp app) : DuplicatesPageTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresDuplicatesPageTests(PostgresWebApp app) : DuplicatesPageTests(app);
