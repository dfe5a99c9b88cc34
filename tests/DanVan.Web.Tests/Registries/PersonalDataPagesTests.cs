using System.Net;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Registries;

/// <summary>
/// Citizens' personal data on the pages (Nghị định 13/2023/NĐ-CP): a viewer sees masked values and nothing personal anywhere in
/// the HTML; another unit and a coordinator out of scope get 404; the unit itself and a registry clerk covering it see it in
/// full, and every such read is logged.
/// </summary>
public abstract class PersonalDataPagesTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    private static readonly string[] Personal =
        [RegistryPagesScenario.Name, RegistryPagesScenario.IdNumber, RegistryPagesScenario.Phone, RegistryPagesScenario.Street];

    private static void ShouldHoldNothingPersonal(Page page)
    {
        var html = page.Document.DocumentElement.OuterHtml;
        foreach (var value in Personal) html.ShouldNotContain(value, Case.Insensitive, $"{page.Url} shows '{value}'");
    }

    private async Task<int> ReadsAsync(string user)
    {
        await using var db = _app.NewDbContext();
        return await db.Audit.CountAsync(a => a.Action == "personal.read" && a.User == user);
    }

    [Fact]
    public async Task Should_show_a_viewer_masked_values_and_nothing_personal_on_any_page()
    {
        var s = await RegistryPagesScenario.SeedAsync(_app);
        var reception = await s.ReceptionAsync();
        var petition = await s.PetitionAsync(acceptedDaysAgo: 5);
        var viewer = await TestClient.LoginAsync(_app, "viewer");

        var detail = await viewer.GetAsync($"/Registries/Receptions/View/{reception}");
        detail.Status.ShouldBe(HttpStatusCode.OK);
        detail.Find("#citizens-table").GetAttribute("data-masked").ShouldBe("true");
        detail.Text("#citizens-table [data-name]").ShouldBe("N. V. B.");
        detail.Text("#citizens-table [data-id-number]").ShouldBe("*********234");
        detail.Text("#citizens-table [data-phone]").ShouldBe("*******678");
        detail.Text("#citizens-table [data-address]").ShouldBe("***, huyện Lệ Thủy");
        detail.Text("#personal-note").ShouldBe("Thông tin cá nhân được che (bạn chỉ được xem số liệu).");
        detail.Document.QuerySelector("#edit").ShouldBeNull();
        ShouldHoldNothingPersonal(detail);

        foreach (var path in new[] { "/Registries/Receptions", $"/Registries/Petitions/View/{petition}", "/Registries/Petitions", "/Registries/Figures" })
        {
            var page = await viewer.GetAsync(path);
            page.Status.ShouldBe(HttpStatusCode.OK, path);
            ShouldHoldNothingPersonal(page);
        }
        (await viewer.GetAsync("/Registries/Receptions")).Text($"#receptions tr[data-reception='{reception}'] [data-names]").ShouldBe("N. V. B.");
        (await viewer.GetAsync($"/Registries/Receptions/Edit/{reception}")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await ReadsAsync("viewer")).ShouldBe(0);
    }

    [Fact]
    public async Task Should_answer_not_found_to_another_unit_and_to_a_coordinator_out_of_scope()
    {
        var s = await RegistryPagesScenario.SeedAsync(_app);
        var reception = await s.ReceptionAsync();
        var petition = await s.PetitionAsync();
        foreach (var user in new[] { "userB", "dcoord", "clerkH" })
        {
            var client = await TestClient.LoginAsync(_app, user);
            foreach (var path in new[] { $"/Registries/Receptions/View/{reception}", $"/Registries/Receptions/Edit/{reception}", $"/Registries/Petitions/View/{petition}", $"/Registries/Petitions/Edit/{petition}" })
            {
                var page = await client.GetAsync(path);
                page.Status.ShouldBe(HttpStatusCode.NotFound, $"{user} {path}");
                ShouldHoldNothingPersonal(page);
            }
            var list = await client.GetAsync("/Registries/Receptions");
            list.Document.QuerySelectorAll("#receptions tbody tr").Length.ShouldBe(0, user);
            ShouldHoldNothingPersonal(list);
            (await client.GetAsync($"/Registries/Figures?unit={s.World.AgencyA}")).Status.ShouldBe(HttpStatusCode.NotFound, user);
        }
        (await ReadsAsync("userB")).ShouldBe(0);
    }

    [Fact]
    public async Task Should_show_the_unit_and_a_registry_clerk_covering_it_the_personal_data_and_log_each_read()
    {
        var s = await RegistryPagesScenario.SeedAsync(_app);
        var reception = await s.ReceptionAsync();
        foreach (var user in new[] { "clerk", "userA" })
        {
            var client = await TestClient.LoginAsync(_app, user);
            var detail = await client.GetAsync($"/Registries/Receptions/View/{reception}");
            detail.Find("#citizens-table").GetAttribute("data-masked").ShouldBe("false");
            detail.Text("#citizens-table [data-name]").ShouldBe(RegistryPagesScenario.Name);
            detail.Text("#citizens-table [data-id-number]").ShouldBe(RegistryPagesScenario.IdNumber);
            detail.Text("#citizens-table [data-phone]").ShouldBe(RegistryPagesScenario.Phone);
            detail.Text("#citizens-table [data-address]").ShouldBe(RegistryPagesScenario.Address);
            detail.Text("#personal-note").ShouldContain("đã được ghi vào nhật ký");
            // The list stays masked even for them: least access where a name is not needed.
            (await client.GetAsync("/Registries/Receptions")).Text($"#receptions tr[data-reception='{reception}'] [data-names]").ShouldBe("N. V. B.");
        }

        await using var db = _app.NewDbContext();
        var reads = await db.Audit.Where(a => a.Action == "personal.read").OrderBy(a => a.Id).ToListAsync();
        reads.Select(a => (a.User, a.SubjectType, a.SubjectId, a.NewValue))
            .ShouldBe([("clerk", "Reception", reception.ToString(System.Globalization.CultureInfo.InvariantCulture), "page: 1 công dân"),
                       ("userA", "Reception", reception.ToString(System.Globalization.CultureInfo.InvariantCulture), "page: 1 công dân")]);
    }

    [Fact]
    public async Task Should_anonymise_records_past_the_retention_only_once_confirmed()
    {
        var s = await RegistryPagesScenario.SeedAsync(_app);
        var old = await s.ReceptionAsync(on: RegistryPagesScenario.Today.AddYears(-6));
        var recent = await s.ReceptionAsync();
        var coord = await TestClient.LoginAsync(_app, "coord");
        var settings = await coord.GetAsync("/Registries/Settings");
        settings.Text("#anonymise-due").ShouldStartWith("Có 1 hồ sơ");

        var unconfirmed = await coord.SubmitAsync(settings, "#anonymise-form");
        unconfirmed.Status.ShouldBe(HttpStatusCode.OK);
        unconfirmed.Text("#err-Confirm").ShouldBe("Hãy đánh dấu ô xác nhận trước khi ẩn danh.");
        unconfirmed.Find("#f-Confirm").GetAttribute("aria-invalid").ShouldBe("true");
        await using (var db = _app.NewDbContext()) (await db.Receptions.CountAsync(r => r.AnonymisedAt != null)).ShouldBe(0);

        var done = await coord.SubmitAsync(settings, "#anonymise-form", new() { ["Confirm"] = "true" });
        done.Text("#notice").ShouldBe("Đã ẩn danh 1 hồ sơ.");
        done.Text("#anonymise-due").ShouldStartWith("Có 0 hồ sơ");
        await using (var db = _app.NewDbContext())
        {
            var rows = await db.Receptions.OrderBy(r => r.Id).ToListAsync();
            rows.Single(r => r.Id == old).Citizens.ShouldAllBe(c => c.Name == null && c.IdNumberCipher == null && c.Phone == null && c.Address == null);
            rows.Single(r => r.Id == old).VisitorCount.ShouldBe(1);
            rows.Single(r => r.Id == recent).Citizens.Single().Name.ShouldBe(RegistryPagesScenario.Name);
            (await db.Audit.CountAsync(a => a.Action == "personal.anonymise" && a.User == "coord")).ShouldBe(1);
        }
        var userA = await TestClient.LoginAsync(_app, "userA");
        (await userA.GetAsync($"/Registries/Receptions/View/{old}")).Find("#anonymised");
        var viewer = await TestClient.LoginAsync(_app, "viewer");
        (await viewer.GetAsync("/Registries/Settings")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection<SqliteWeb>]
public sealed class SqlitePersonalDataPagesTests(SqliteWebApp app) : PersonalDataPagesTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresPersonalDataPagesTests(PostgresWebApp app) : PersonalDataPagesTests(app);
