using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DanVan.Web.Tests.Registries.RegistryScenario;

namespace DanVan.Web.Tests.Registries;

/// <summary>The citizen registries through the API: 002's and 003's paragraphs from records entered and merged through it;
/// personal data for each kind of reader on every path; located, all-or-nothing imports.</summary>
public abstract class RegistriesApiTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private const string ReceptionHeader = "Mã đơn vị,Ngày tiếp,Hình thức tiếp,Người tiếp,Chức vụ,Thủ trưởng trực tiếp tiếp,Số người,Họ và tên,Nội dung,Lĩnh vực,Loại vụ việc,Kết quả tiếp";

    private static object Delegation(int unit, int matter, int day) => new
    {
        unitId = unit, receivedOn = new DateOnly(2022, 1, 1).AddDays(day).ToString("yyyy-MM-dd"), kind = "periodic", receivedByName = "Lãnh đạo UBND tỉnh",
        byHead = true, visitorCount = 5, isDelegation = true, summary = $"Đoàn công dân kiến nghị về bồi thường, vụ {matter}", field = "Đất đai",
        matterKind = "recommendation", outcome = "explained",
        visitors = new[] { new { name = $"Trần Văn Đại{matter}", idNumber = (string?)("044190000" + (100 + matter)) }, new { name = $"Lê Thị Diện{matter}", idNumber = (string?)null } },
    };

    [Fact]
    public async Task Should_read_as_002_for_2022_from_receptions_entered_and_merged_through_the_API()
    {
        var s = await SeedAsync(_app);
        // 18 delegations (5 people each) about 8 matters, recorded one by one.
        int[] delegationMatter = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7];
        var keys = new List<(int Matter, string Key)>();
        for (var i = 0; i < delegationMatter.Length; i++)
            keys.Add((1000 + delegationMatter[i], (await s.RecordAsync(ProvinceClerk, Delegation(s.Province, delegationMatter[i], i * 17)))["key"]!.GetValue<string>()));

        // 324 other periodic receptions (120 of 2 people, 204 of 1: 444 people) and 78 regular ones (10 of 2, 68 of 1: 88 people) about 128 matters, from the logbook.
        var csv = new StringBuilder(ReceptionHeader).Append('\n');
        for (var i = 0; i < 402; i++)
        {
            var periodic = i < 324;
            var people = periodic ? (i < 120 ? 2 : 1) : (i - 324 < 10 ? 2 : 1);
            var names = people == 2 ? $"\"Nguyễn Văn A{i % 128}\nPhạm Thị B{i % 128}\"" : $"Nguyễn Văn A{i % 128}";
            csv.Append(($"44,{new DateOnly(2022, 1, 3).AddDays(i % 350):dd/MM/yyyy},{(periodic ? "định kỳ" : "thường xuyên")},Lãnh đạo,Chủ tịch UBND,{(periodic ? "có" : "không")},{people},"))
               .Append(names).Append($",Kiến nghị về đất đai - hồ sơ {i % 128},Đất đai,kiến nghị,hướng dẫn\n");
        }
        var (status, imported) = await s.ImportAsync(ProvinceClerk, "receptions", csv.ToString());
        status.ShouldBe(200, imported.ToJsonString());
        imported["imported"]!.GetValue<int>().ShouldBe(402);
        var clerk = s.As(ProvinceClerk);
        for (var page = 0; page < 5; page++)
        {
            var list = JsonNode.Parse(await clerk.GetStringAsync($"/api/v1/receptions?unitId={s.Province}&kind=thường xuyên&pageSize=100&pageIndex={page}"))!["items"]!.AsArray()
                .Concat(JsonNode.Parse(await clerk.GetStringAsync($"/api/v1/receptions?unitId={s.Province}&kind=periodic&pageSize=100&pageIndex={page}"))!["items"]!.AsArray());
            foreach (var r in list)
            {
                var summary = r!["summary"]!.GetValue<string>();
                if (summary.StartsWith("Kiến nghị về đất đai - hồ sơ ", StringComparison.Ordinal))
                    keys.Add((int.Parse(summary[29..], System.Globalization.CultureInfo.InvariantCulture), r["key"]!.GetValue<string>()));
            }
        }
        keys.Count.ShouldBe(420);

        // The clerk confirms every duplicate: each matter's records merged into one case (284 merges).
        foreach (var matter in keys.GroupBy(k => k.Matter))
        {
            var first = matter.First().Key;
            foreach (var (_, key) in matter.Skip(1))
            {
                var merged = await clerk.PostAsJsonAsync("/api/v1/registries/merge", new { left = first, right = key, probability = 0.99 });
                merged.StatusCode.ShouldBe(HttpStatusCode.OK, await merged.Content.ReadAsStringAsync());
            }
        }

        var figures = JsonNode.Parse(await s.As(Leader).GetStringAsync($"/api/v1/registries/figures?unitId={s.Province}&from=2022-01-01&to=2022-12-31"))!;
        // The source's parts add up to 420 visits (342 + 78), not its 419: DanVan counts the records, so it writes 420.
        figures["paragraph"]!.GetValue<string>().Split('\n').Take(4).ShouldBe(
        [
            "Tiếp công dân 420 lượt/ 622 người/ 136 vụ việc (sau khi đã lọc vụ trùng). Trong đó:",
            "+ Tiếp định kỳ: 342 lượt/ 534 người; Tiếp Đoàn đông người (từ 05 người trở lên) 18 lượt đoàn/ 08 vụ việc.",
            "+ Tiếp thường xuyên: 78 lượt/ 88 người.",
            "+ Tiếp đột xuất: Không có.",
        ]);
        figures["figures"]!["receptions.matters"]!.GetValue<decimal>().ShouldBe(136);
        figures["figures"]!["receptions.delegations.matters"]!.GetValue<decimal>().ShouldBe(8);
    }

    /// <summary>One logbook line of the 002 fixture: its year, kind, head count, whether a delegation, and the matter it is about.</summary>
    private sealed record Visit002(DateOnly On, bool Periodic, int People, bool Delegation, string Matter);

    /// <summary>
    /// 002's receptions: 2022 as in the test above; 2023 up to October 352 visits (289 periodic with 17 delegations of 5, 63 regular),
    /// 679 people, 124 matters; and six visits in November 2023, after the review's last day.
    /// </summary>
    private static List<Visit002> Visits002()
    {
        var visits = new List<Visit002>();
        int[] delegations2022 = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7];
        for (var i = 0; i < delegations2022.Length; i++) visits.Add(new(new DateOnly(2022, 1, 1).AddDays(i * 17), true, 5, true, $"22d{delegations2022[i]}"));
        for (var i = 0; i < 402; i++)
        {
            var periodic = i < 324;
            visits.Add(new(new DateOnly(2022, 1, 3).AddDays(i % 350), periodic, periodic ? (i < 120 ? 2 : 1) : (i - 324 < 10 ? 2 : 1), false, $"22m{i % 128}"));
        }
        for (var i = 0; i < 17; i++) visits.Add(new(new DateOnly(2023, 1, 4).AddDays(i * 15), true, 5, true, $"23d{i % 7}"));
        for (var i = 0; i < 335; i++)
        {
            var periodic = i < 272;
            visits.Add(new(new DateOnly(2023, 1, 2).AddDays(i % 290), periodic, periodic ? (i < 239 ? 2 : 1) : (i - 272 < 20 ? 2 : 1), false, $"23m{i % 117}"));
        }
        for (var i = 0; i < 6; i++) visits.Add(new(new DateOnly(2023, 11, 2).AddDays(i), false, 1, false, $"23n{i}"));
        return visits;
    }

    private static string Csv002(IEnumerable<Visit002> visits, IReadOnlyDictionary<string, int>? cases = null)
    {
        var csv = new StringBuilder("Mã đơn vị,Ngày tiếp,Hình thức tiếp,Người tiếp,Thủ trưởng trực tiếp tiếp,Số người,Đoàn đông người,Họ và tên,Nội dung,Lĩnh vực,Loại vụ việc,Kết quả tiếp,Vụ việc số\n");
        foreach (var v in visits)
            csv.Append($"44,{v.On:dd/MM/yyyy},{(v.Periodic ? "định kỳ" : "thường xuyên")},Lãnh đạo UBND tỉnh,{(v.Periodic ? "có" : "không")},{v.People},{(v.Delegation ? "có" : "")},")
               .Append($"Công dân {v.Matter},Kiến nghị về đất đai - hồ sơ {v.Matter},Đất đai,kiến nghị,hướng dẫn,{(cases is not null && cases.TryGetValue(v.Matter, out var c) ? c : "")}\n");
        return csv.ToString();
    }

    [Fact]
    public async Task Should_write_002s_two_year_review_with_each_years_receptions_from_logbooks_imported_through_the_API()
    {
        var s = await SeedAsync(_app);
        _app.Clock.Freeze(new DateTimeOffset(2023, 11, 20, 3, 0, 0, TimeSpan.Zero));
        var visits = Visits002();
        var byMatter = visits.GroupBy(v => v.Matter).ToList();

        // The first two visits of each matter, then the clerk merges each pair into a case; the rest are logged against their case.
        var (status, body) = await s.ImportAsync(ProvinceClerk, "receptions", Csv002(byMatter.SelectMany(g => g.Take(2))));
        status.ShouldBe(200, body.ToJsonString());
        var clerk = s.As(ProvinceClerk);
        var keys = new Dictionary<string, List<string>>();
        for (var page = 0; ; page++)
        {
            var items = JsonNode.Parse(await clerk.GetStringAsync($"/api/v1/receptions?unitId={s.Province}&pageSize=100&pageIndex={page}"))!["items"]!.AsArray();
            if (items.Count == 0) break;
            foreach (var r in items)
            {
                var matter = r!["summary"]!.GetValue<string>()["Kiến nghị về đất đai - hồ sơ ".Length..];
                (keys.TryGetValue(matter, out var list) ? list : keys[matter] = []).Add(r["key"]!.GetValue<string>());
            }
        }
        var cases = new Dictionary<string, int>();
        foreach (var (matter, pair) in keys.Where(k => k.Value.Count == 2))
        {
            var merged = await clerk.PostAsJsonAsync("/api/v1/registries/merge", new { left = pair[0], right = pair[1], probability = 0.99 });
            merged.StatusCode.ShouldBe(HttpStatusCode.OK, await merged.Content.ReadAsStringAsync());
            cases[matter] = JsonNode.Parse(await merged.Content.ReadAsStringAsync())!["caseId"]!.GetValue<int>();
        }
        (status, body) = await s.ImportAsync(ProvinceClerk, "receptions", Csv002(byMatter.SelectMany(g => g.Skip(2)), cases));
        status.ShouldBe(200, body.ToJsonString());

        // The review: Phần thứ nhất and Phần thứ hai, each year's figures under its own lead, 2023 cut at 31 October as 002 is.
        var coordinator = s.As(Coordinator);
        var query = "from=2022-01-01&to=2023-10-31&kind=thematic";
        var figures = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/reports/{s.Province}/2023?{query}"))!;
        figures["kind"]!.GetValue<string>().ShouldBe("thematic");
        figures["hasEvaluation"]!.GetValue<bool>().ShouldBeFalse();
        var lines = figures["registries"]!.AsArray().Select(l => l!.GetValue<string>()).ToList();
        var y2022 = lines.IndexOf("- Năm 2022:");
        var y2023 = lines.IndexOf("- Năm 2023 (đến ngày 31/10/2023):");
        y2022.ShouldBeGreaterThanOrEqualTo(0, string.Join("\n", lines));
        // The source's parts add up to 420 visits (342 + 78), not its 419: DanVan counts the records, so it writes 420.
        lines.Skip(y2022 + 2).Take(4).ShouldBe(
        [
            "Tiếp công dân 420 lượt/ 622 người/ 136 vụ việc (sau khi đã lọc vụ trùng). Trong đó:",
            "+ Tiếp định kỳ: 342 lượt/ 534 người; Tiếp Đoàn đông người (từ 05 người trở lên) 18 lượt đoàn/ 08 vụ việc.",
            "+ Tiếp thường xuyên: 78 lượt/ 88 người.",
            "+ Tiếp đột xuất: Không có.",
        ]);
        y2023.ShouldBeGreaterThan(y2022);
        lines.Skip(y2023 + 2).Take(4).ShouldBe(
        [
            "Tiếp công dân 352 lượt/ 679 người/ 124 vụ việc (sau khi đã lọc vụ trùng). Trong đó:",
            "+ Tiếp định kỳ: 289 lượt/ 596 người; Tiếp Đoàn đông người (từ 05 người trở lên) 17 lượt đoàn/ 07 vụ việc.",
            "+ Tiếp thường xuyên: 63 lượt/ 83 người.",
            "+ Tiếp đột xuất: Không có.",
        ]);

        var md = await coordinator.GetStringAsync($"/api/v1/reports/{s.Province}/2023/document?format=md&{query}");
        md.ShouldContain("## Phần thứ nhất");
        md.ShouldContain("## KẾT QUẢ THỰC HIỆN TỪ NGÀY 01/01/2022 ĐẾN NGÀY 31/10/2023");
        md.ShouldContain("## Phần thứ hai");
        md.ShouldContain("## PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI");
        md.ShouldNotContain("IV. NHIỆM VỤ");
        md.IndexOf("Phần thứ hai", StringComparison.Ordinal).ShouldBeGreaterThan(md.IndexOf("III. ĐÁNH GIÁ CHUNG", StringComparison.Ordinal));

        // Without the span, the year 2023 counts November's six visits too.
        var year = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/reports/{s.Province}/2023"))!["registries"]!.AsArray().Select(l => l!.GetValue<string>());
        year.ShouldContain("Tiếp công dân 358 lượt/ 685 người/ 130 vụ việc (sau khi đã lọc vụ trùng). Trong đó:");

        // A span that ends before it starts, outside the year asked, or a kind that is not one: refused where it is wrong.
        var reversed = await coordinator.GetAsync($"/api/v1/reports/{s.Province}/2023?from=2023-10-31&to=2023-01-01");
        reversed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = JsonNode.Parse(await reversed.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().ShouldBe("reports.spanReversed");
        problem["errors"]!["to"].ShouldNotBeNull();
        var kind = JsonNode.Parse(await (await coordinator.GetAsync($"/api/v1/reports/{s.Province}/2023?kind=annual")).Content.ReadAsStringAsync())!;
        kind["code"]!.GetValue<string>().ShouldBe("reports.kindUnknown");
        kind["title"]!.GetValue<string>().ShouldContain("chuyên đề");
        var outside = JsonNode.Parse(await (await coordinator.GetAsync($"/api/v1/reports/{s.Province}/2022?from=2022-01-01&to=2023-10-31")).Content.ReadAsStringAsync())!;
        outside["code"]!.GetValue<string>().ShouldBe("reports.spanYear");
        (await s.As(OtherProvince).GetAsync($"/api/v1/reports/{s.Province}/2023?{query}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_read_as_003s_footnote_with_the_same_period_a_year_before()
    {
        var s = await SeedAsync(_app);
        var csv = new StringBuilder(ReceptionHeader).Append('\n');
        for (var i = 0; i < 541; i++)
            csv.Append($"44.LT,{new DateOnly(2015, 1, 5).AddDays(i % 300):dd/MM/yyyy},thường xuyên,Cán bộ tiếp dân,,không,1,Công dân {i},Khiếu nại về đất đai,Đất đai,khiếu nại,hướng dẫn\n");
        for (var i = 0; i < 289; i++)
            csv.Append($"44.LT,{new DateOnly(2016, 1, 5).AddDays(i % 300):dd/MM/yyyy},thường xuyên,Cán bộ tiếp dân,,không,{(i < 18 ? 2 : 1)},Công dân {i},Khiếu nại về đất đai,Đất đai,khiếu nại,{(i < 139 ? "hướng dẫn" : "giải thích")}\n");
        (await s.ImportAsync(LeThuyClerk, "receptions", csv.ToString())).Status.ShouldBe(200);
        var petitions = new StringBuilder("Mã đơn vị,Ngày nhận,Nguồn đơn,Người đứng đơn,Loại đơn,Nội dung,Thuộc thẩm quyền,Vượt cấp,Hướng xử lý,Ngày thụ lý,Ngày giải quyết xong\n");
        for (var i = 0; i < 140; i++)
        {
            var within = i < 133;
            petitions.Append($"44.LT,{new DateOnly(2016, 2, 1).AddDays(i):dd/MM/yyyy},bưu chính,Công dân {i},khiếu nại,Khiếu nại quyết định thu hồi đất,{(within ? "có" : "không")},{(i % 10 == 0 ? "có" : "không")},")
                .Append(within ? $"thụ lý,{new DateOnly(2016, 2, 3).AddDays(i):dd/MM/yyyy},{(i < 124 ? new DateOnly(2016, 3, 1).AddDays(i).ToString("dd/MM/yyyy") : "")}\n" : "chuyển đơn,,\n");
        }
        var (status, body) = await s.ImportAsync(LeThuyClerk, "petitions", petitions.ToString());
        status.ShouldBe(200, body.ToJsonString());

        var figures = JsonNode.Parse(await s.As(Coordinator).GetStringAsync($"/api/v1/registries/figures?unitId={s.LeThuy}&from=2016-01-01&to=2016-11-30"))!;
        figures["paragraph"]!.GetValue<string>().Split('\n').Last().ShouldBe(
            "Đã tiếp 289 lượt/307 người đến khiếu nại, tố cáo, kiến nghị, giảm 252 lượt so với cùng kỳ năm 2015 (289/541 lượt); hướng dẫn cho 139 lượt công dân " +
            "làm đơn gửi đến cơ quan có thẩm quyền, giải thích cho 150 lượt công dân hiểu về những vấn đề còn thắc mắc; giải quyết được 93,23% đơn, thư thuộc thẩm quyền.");
        figures["figures"]!["petitions.resolutionRate"]!["n"]!.GetValue<decimal>().ShouldBe(124);
        figures["yearBefore"]!["receptions.visits"]!.GetValue<decimal>().ShouldBe(541);
    }

    private static object Visit(int unit) => new
    {
        unitId = unit, receivedOn = "2022-11-02", kind = "thường xuyên", receivedByName = "Hồ Văn Tiếp", summary = "Phản ánh ô nhiễm từ cơ sở chăn nuôi",
        matterKind = "phản ánh", outcome = "giải thích",
        visitors = new[] { new { name = "Nguyễn Văn An", idNumber = "044190001234", address = "thôn Tân Hiệp, xã Tân Thủy, huyện Lệ Thủy", phone = "0912345678" } },
    };

    private static readonly string[] Personal = ["Nguyễn Văn An", "044190001234", "thôn Tân Hiệp", "0912345678"];

    [Fact]
    public async Task Should_show_personal_data_only_to_the_recording_unit_and_registry_clerks_and_log_each_read()
    {
        var s = await SeedAsync(_app);
        var id = (await s.RecordAsync(LeThuyOfficer, Visit(s.LeThuy)))["id"]!.GetValue<int>();

        foreach (var reader in new[] { Leader, Coordinator })
        {
            var detail = await s.As(reader).GetStringAsync($"/api/v1/receptions/{id}");
            var list = await s.As(reader).GetStringAsync($"/api/v1/receptions?unitId={s.LeThuy}");
            var export = await s.As(reader).GetStringAsync($"/api/v1/registries/export?book=receptions&unitId={s.Province}&format=csv");
            foreach (var text in new[] { detail, list, export })
                foreach (var secret in Personal) text.ShouldNotContain(secret, Case.Sensitive, $"{reader} sees {secret}");
            detail.ShouldContain("N. V. A.");
            export.ShouldContain("*********234");
        }
        foreach (var outsider in new[] { DongHoiOfficer, OtherProvince })
        {
            (await s.As(outsider).GetAsync($"/api/v1/receptions/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
            (await s.As(outsider).GetAsync($"/api/v1/registries/export?book=receptions&unitId={s.LeThuy}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, outsider);
            (await s.As(outsider).GetAsync($"/api/v1/registries/figures?unitId={s.LeThuy}&from=2022-01-01&to=2022-12-31")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        var dongHoiList = JsonNode.Parse(await s.As(DongHoiOfficer).GetStringAsync("/api/v1/receptions"))!;
        dongHoiList["count"]!.GetValue<int>().ShouldBe(0);

        foreach (var reader in new[] { LeThuyOfficer, LeThuyClerk, ProvinceClerk })
        {
            var detail = await s.As(reader).GetStringAsync($"/api/v1/receptions/{id}");
            foreach (var secret in Personal) detail.ShouldContain(secret, Case.Sensitive, reader);
        }
        var fullExport = await s.As(ProvinceClerk).GetStringAsync($"/api/v1/registries/export?book=receptions&unitId={s.Province}&format=csv");
        fullExport.ShouldContain("044190001234");

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var reads = await db.Audit.Where(a => a.Action == "personal.read" && a.SubjectId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Select(a => new { a.User, a.NewValue }).ToListAsync();
        reads.Select(r => r.User).ShouldBe([LeThuyOfficer, LeThuyClerk, ProvinceClerk, ProvinceClerk], ignoreOrder: true); // the answer to the POST is not a read: the write is audited
        reads.ShouldContain(r => r.User == ProvinceClerk && r.NewValue!.StartsWith("export", StringComparison.Ordinal));
        (await db.Audit.AnyAsync(a => a.User == Leader && a.Action == "personal.read")).ShouldBeFalse();
    }

    [Fact]
    public async Task Should_refuse_bad_input_at_its_field_without_echoing_personal_data()
    {
        var s = await SeedAsync(_app);
        var bad = await s.As(LeThuyOfficer).PostAsJsonAsync("/api/v1/receptions", new
        {
            unitId = s.LeThuy, receivedOn = "2023-01-05", kind = "hằng tuần", receivedByName = "Hồ Văn Tiếp", summary = "Phản ánh", matterKind = "phản ánh",
            outcome = "giải thích", visitorCount = 2, isDelegation = true,
            visitors = new[] { new { name = "Nguyễn Văn An", idNumber = "04419000123X" } },
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadAsStringAsync();
        problem.ShouldNotContain("04419000123X");
        problem.ShouldNotContain("Nguyễn Văn An");
        var errors = JsonNode.Parse(problem)!["errors"]!.AsObject().Select(e => e.Key).ToList();
        errors.ShouldBe(["receivedOn", "kind", "visitors[1].idNumber", "isDelegation"], ignoreOrder: true);
        (await s.As(DongHoiOfficer).PostAsJsonAsync("/api/v1/receptions", Visit(s.LeThuy))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.As(Leader).PostAsJsonAsync("/api/v1/receptions", Visit(s.LeThuy))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_import_all_or_nothing_with_each_problem_at_its_row_and_column()
    {
        var s = await SeedAsync(_app);
        var csv = ReceptionHeader + "\n"
            + "44.LT,02/11/2022,định kỳ,Chủ tịch,Chủ tịch UBND,có,1,Lê Văn Tám,Kiến nghị làm đường,Giao thông,kiến nghị,hướng dẫn\n"
            + "44.DH,03/11/2022,định kỳ,Chủ tịch,,có,1,Lê Văn Chín,Kiến nghị,Giao thông,kiến nghị,hướng dẫn\n"
            + "44.LT,31/02/2022,hàng tháng,Chủ tịch,,có,1,Lê Văn Mười,Kiến nghị,Giao thông,khiếu kiện,hướng dẫn\n";
        var (status, body) = await s.ImportAsync(LeThuyClerk, "receptions", csv);
        status.ShouldBe(400);
        body["errors"]!.AsObject().Select(e => e.Key).ShouldBe(
        [
            "file:receptions.csv/row:3/column:Mã đơn vị", "file:receptions.csv/row:4/column:Ngày tiếp",
            "file:receptions.csv/row:4/column:Hình thức tiếp", "file:receptions.csv/row:4/column:Loại vụ việc",
        ], ignoreOrder: true);
        JsonNode.Parse(await s.As(LeThuyClerk).GetStringAsync("/api/v1/receptions"))!["count"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Should_suggest_the_same_person_filing_at_district_and_province_with_reasons_and_remember_not_the_same()
    {
        var s = await SeedAsync(_app);
        var atDistrict = (await s.RecordAsync(LeThuyClerk, Visit(s.LeThuy)))["key"]!.GetValue<string>();
        var again = new
        {
            unitId = s.Province, receivedOn = "2022-11-20", kind = "định kỳ", receivedByName = "Lãnh đạo tỉnh", summary = "Phản ánh ô nhiễm từ cơ sở chăn nuôi lợn",
            matterKind = "phản ánh", outcome = "giải thích",
            visitors = new[] { new { name = "An Nguyễn Văn", idNumber = "044 190 001 234", address = "Thôn Tân Hiệp, X. Tân Thủy, H. Lệ Thủy", phone = "+84 912 345 678" } },
        };
        var atProvince = (await s.RecordAsync(ProvinceClerk, again))["key"]!.GetValue<string>();
        var other = (await s.RecordAsync(ProvinceClerk, new
        {
            unitId = s.Province, receivedOn = "2022-11-21", kind = "định kỳ", receivedByName = "Lãnh đạo tỉnh", summary = "Đề nghị hỗ trợ học phí",
            matterKind = "kiến nghị", outcome = "hướng dẫn", visitors = new[] { new { name = "Hoàng Thị Mai", idNumber = "044301009999" } },
        }))["key"]!.GetValue<string>();

        (await s.As(Leader).GetAsync($"/api/v1/registries/duplicates?unitId={s.Province}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.As(LeThuyClerk).GetAsync($"/api/v1/registries/duplicates?unitId={s.Province}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var text = await s.As(ProvinceClerk).GetStringAsync($"/api/v1/registries/duplicates?unitId={s.Province}");
        text.ShouldNotContain("Nguyễn");
        var pairs = JsonNode.Parse(text)!.AsArray();
        var pair = pairs.Single()!;
        new[] { pair["left"]!.GetValue<string>(), pair["right"]!.GetValue<string>() }.ShouldBe([atDistrict, atProvince], ignoreOrder: true);
        pair["probability"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0.9);
        var reasons = pair["reasons"]!.AsArray().ToDictionary(r => r!["field"]!.GetValue<string>(), r => r!["level"]!.GetValue<string>());
        reasons["idNumber"].ShouldBe("exact");
        reasons["name"].ShouldBe("exact");
        reasons["phone"].ShouldBe("exact");
        pairs.ShouldNotContain(p => p!["left"]!.GetValue<string>() == other || p!["right"]!.GetValue<string>() == other);

        (await s.As(ProvinceClerk).PostAsJsonAsync("/api/v1/registries/reject", new { left = atDistrict, right = atProvince, probability = 0.95 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await s.As(ProvinceClerk).GetStringAsync($"/api/v1/registries/duplicates?unitId={s.Province}"))!.AsArray().Count.ShouldBe(0);
    }

    [Fact]
    public async Task Should_refuse_a_merge_reaching_outside_the_clerks_scope_and_undo_a_merge()
    {
        var s = await SeedAsync(_app);
        var inLeThuy = (await s.RecordAsync(LeThuyClerk, Visit(s.LeThuy)))["key"]!.GetValue<string>();
        var atProvince = (await s.RecordAsync(ProvinceClerk, Visit(s.Province)))["key"]!.GetValue<string>();
        (await s.As(LeThuyClerk).PostAsJsonAsync("/api/v1/registries/merge", new { left = inLeThuy, right = atProvince, probability = 0.9 }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.As(LeThuyOfficer).PostAsJsonAsync("/api/v1/registries/merge", new { left = inLeThuy, right = inLeThuy, probability = 0.9 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var merged = await s.As(ProvinceClerk).PostAsJsonAsync("/api/v1/registries/merge", new { left = inLeThuy, right = atProvince, probability = 0.9 });
        var decision = JsonNode.Parse(await merged.Content.ReadAsStringAsync())!;
        merged.StatusCode.ShouldBe(HttpStatusCode.OK, decision.ToJsonString());
        var caseId = decision["caseId"]!.GetValue<int>();
        JsonNode.Parse(await s.As(Leader).GetStringAsync($"/api/v1/cases/{caseId}"))!["records"]!.AsArray().Count.ShouldBe(2);
        (await s.As(ProvinceClerk).PostAsJsonAsync("/api/v1/registries/merge", new { left = atProvince, right = inLeThuy, probability = 0.9 }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var undo = await s.As(ProvinceClerk).PostAsync($"/api/v1/registries/decisions/{decision["id"]}/undo", null);
        undo.StatusCode.ShouldBe(HttpStatusCode.OK, await undo.Content.ReadAsStringAsync());
        (await s.As(Leader).GetAsync($"/api/v1/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteRegistriesApiTests(SqliteWebApp app) : RegistriesApiTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresRegistriesApiTests(PostgresWebApp app) : RegistriesApiTests(app);
