using System.Net;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

public abstract class QueueTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    /// <summary>The test world plus a second district of 70 communes ("UBND xã Quảng 01" … "70") and "UBND phường Đồng Hới": 74 assessments.</summary>
    private async Task<(TestWorld World, int District2)> SeedManyAsync()
    {
        var w = await TestWorld.SeedAsync(_app, openPeriod: false);
        int district2;
        await using (var db = _app.NewDbContext())
        {
            var group = await db.Groups.SingleAsync(g => g.Id == w.CommuneGroup);
            var district = new OrgUnit { Code = "H02", Name = "UBND huyện Quảng Ninh", Kind = OrgUnitKind.District, ParentId = w.Province };
            for (var i = 1; i <= 70; i++)
            {
                var c = new OrgUnit { Code = $"X2{i:D2}", Name = $"UBND xã Quảng {i:D2}", Kind = OrgUnitKind.Commune, Parent = district };
                c.Groups.Add(group);
                district.Children.Add(c);
            }
            var ward = new OrgUnit { Code = "P01", Name = "UBND phường Đồng Hới", Kind = OrgUnitKind.Commune, ParentId = w.District };
            ward.Groups.Add(group);
            db.AddRange(district, ward);
            await db.SaveChangesAsync();
            district2 = district.Id;
        }
        await w.OpenPeriodAsync(_app, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), acceptLate: true);
        return (w, district2);
    }

    private static string[] Units(Page page) => page.Document.QuerySelectorAll("#queue tbody tr").Select(r => r.GetAttribute("data-unit")!).ToArray();

    [Fact]
    public async Task Should_page_a_long_queue_keeping_the_filters_in_every_link()
    {
        var (w, _) = await SeedManyAsync();
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var first = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}");
        first.Text("#queue-count").ShouldBe("Hồ sơ 1–50 trong tổng số 74.");
        Units(first).Length.ShouldBe(50);
        // Paper order: the agencies' group first, then communes by code.
        Units(first).Take(3).ShouldBe(["SO-A", "SO-B", "P01"]);
        first.Text("#pager").ShouldContain("Trang 1/2");
        first.Document.QuerySelector("#prev-page").ShouldBeNull();

        var second = await coordinator.GetAsync(first.Find("#next-page").GetAttribute("href")!);
        second.Text("#queue-count").ShouldBe("Hồ sơ 51–74 trong tổng số 74.");
        Units(second).Length.ShouldBe(24);
        Units(second).Intersect(Units(first)).ShouldBeEmpty();
        Units(second).Last().ShouldBe("X270");

        // A page past the end shows the last page, not an empty table.
        var beyond = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&p=9");
        Units(beyond).ShouldBe(Units(second));

        // Sorted by unit name, descending, then the pager keeps the sort.
        var sorted = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&sort=unit&dir=desc");
        Units(sorted).First().ShouldBe("X270");
        sorted.Find("th[aria-sort='descending'] a").GetAttribute("data-sort").ShouldBe("unit");
        sorted.Find("#next-page").GetAttribute("href")!.ShouldContain("sort=unit");
        sorted.Find("#next-page").GetAttribute("href")!.ShouldContain("dir=desc");
    }

    [Fact]
    public async Task Should_find_units_without_diacritics_and_filter_by_group_area_and_status()
    {
        var (w, district2) = await SeedManyAsync();
        await w.SubmitAsync(_app, w.AssessmentA);
        var coordinator = await TestClient.LoginAsync(_app, "coord");

        var found = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&q=dong+hoi");
        Units(found).ShouldBe(["P01"]);
        found.Find("#q").GetAttribute("value").ShouldBe("dong hoi");
        // The tabs count what the search leaves.
        found.Text("#status-tabs a[data-filter='all'] .count").ShouldBe("1");
        found.Text("#status-tabs a[data-filter='submitted'] .count").ShouldBe("0");
        found.Find("#status-tabs a[data-filter='not-started']").GetAttribute("href")!.ShouldContain("q=dong%20hoi");

        var byCode = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&q=X205");
        Units(byCode).ShouldBe(["X205"]);

        var agencies = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&group={w.AgencyGroup}");
        Units(agencies).ShouldBe(["SO-A", "SO-B"]);

        var area = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&area={district2}");
        area.Text("#queue-count").ShouldBe("Hồ sơ 1–50 trong tổng số 70.");
        area.Find($"#area option[value='{district2}']").TextContent.ShouldBe("UBND huyện Quảng Ninh (70)");
        var lethuy = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&area={w.District}");
        Units(lethuy).ShouldBe(["P01", "X01"]);

        var submitted = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&status=submitted");
        Units(submitted).ShouldBe(["SO-A"]);
        submitted.Find($"#queue tr[data-unit='SO-A'] a.appraise");
        submitted.Text("#status-tabs a[data-filter='not-started'] .count").ShouldBe("73");

        var nothing = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&q=khong+co+don+vi+nay");
        nothing.Text("#queue-count").ShouldBe("Không có hồ sơ nào khớp với bộ lọc.");
        nothing.Document.QuerySelector("#queue").ShouldBeNull();
    }

    [Fact]
    public async Task Should_export_every_row_the_filter_selects_not_only_the_page()
    {
        var (w, district2) = await SeedManyAsync();
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var page = await coordinator.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}&area={district2}&sort=unit&dir=desc");
        var export = await coordinator.Http.GetAsync(page.Find("#export-queue").GetAttribute("href")!);
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(70);
        rows.First()["Mã"].ShouldBe("X270");
        rows.Last()["Mã"].ShouldBe("X201");
    }

    [Fact]
    public async Task Should_compress_pages_and_keep_versioned_static_files_for_a_year()
    {
        var (w, _) = await SeedManyAsync();
        var coordinator = await TestClient.LoginAsync(_app, "coord");
        var plain = await coordinator.Http.GetAsync($"/Evaluations/Queue?periodId={w.PeriodId}");
        var plainBytes = (await plain.Content.ReadAsByteArrayAsync()).Length;

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Evaluations/Queue?periodId={w.PeriodId}");
        request.Headers.AcceptEncoding.ParseAdd("br");
        var compressed = await coordinator.Http.SendAsync(request);
        compressed.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        bytes.Length.ShouldBeLessThan(plainBytes / 4);
        await using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli);
        (await reader.ReadToEndAsync()).ShouldContain("UBND xã Quảng 01");

        var css = first(plain);
        var versioned = await coordinator.Http.GetAsync(css);
        versioned.StatusCode.ShouldBe(HttpStatusCode.OK);
        versioned.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        var unversioned = await coordinator.Http.GetAsync("/css/site.css");
        unversioned.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromHours(1));

        static string first(HttpResponseMessage page)
        {
            var html = page.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            var m = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site\\.css\\?v=[^\"]+)\"");
            m.Success.ShouldBeTrue();
            return m.Groups[1].Value;
        }
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteQueueTests(SqliteWebApp app) : QueueTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresQueueTests(PostgresWebApp app) : QueueTests(app);
