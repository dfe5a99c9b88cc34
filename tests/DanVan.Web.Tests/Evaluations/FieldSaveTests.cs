using System.Net;
using System.Text.Json;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>The self-assessment saves each criterion as it is left (the Edit page's Field handler), and two people on one sheet conflict only per criterion.</summary>
public abstract class FieldSaveTests(WebAppFactory app) : WebTest(app)
{
    private readonly WebAppFactory _app = app;

    /// <summary>Posts the form as the page shows it, with <paramref name="typed"/> over it, to save <paramref name="criterion"/> only.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Json)> SaveFieldAsync(TestClient c, Page form, int id, string criterion, Dictionary<string, string> typed)
    {
        var fields = TestClient.Fields(form, "#assessment-form");
        foreach (var (name, value) in typed)
        {
            fields.RemoveAll(f => f.Name == name);
            fields.Add((name, value));
        }
        fields.Add(("criterion", criterion));
        var response = await c.Http.PostAsync($"/Evaluations/Edit/{id}?handler=Field",
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.StatusCode == HttpStatusCode.NotFound ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    [Fact]
    public async Task Should_save_only_the_criterion_left_with_its_audit_line_and_answer_its_new_stamp()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        form.Find("#assessment-form").GetAttribute("data-field-url").ShouldBe($"/Evaluations/Edit/{w.AssessmentA}?handler=Field");
        var before = form.Find($"input[name='{form.Field("1", "Base")}']").GetAttribute("value");

        var (status, json) = await SaveFieldAsync(userA, form, w.AssessmentA, "1", new()
        {
            [form.Field("1", "Points")] = "35,5",
            [form.Field("1", "Note")] = "Kế hoạch số 12/KH-SNV",
            [form.Field("3", "Points")] = "15", // typed in another criterion, not yet left: not saved
        });
        status.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("state").GetString().ShouldBe("saved");
        json.GetProperty("message").GetString().ShouldBe("Đã lưu");
        json.GetProperty("base").GetString().ShouldNotBe(before);

        await using var db = _app.NewDbContext();
        var entries = await db.Entries.Where(e => e.AssessmentId == w.AssessmentA).ToListAsync();
        entries.Select(e => (e.CriterionId, e.Points, e.Note)).ShouldBe([("1", 35.5m, "Kế hoạch số 12/KH-SNV")]);
        var audit = await db.Audit.Where(x => x.AssessmentId == w.AssessmentA && x.Action == "entry.self").ToListAsync();
        audit.Select(x => (x.CriterionId, x.User, x.NewValue)).ShouldBe([("1", "userA", "35,5 điểm")]);
        (await db.Assessments.SingleAsync(a => a.Id == w.AssessmentA)).SelfTotal.ShouldBe(35.5m);

        var reloaded = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        reloaded.Find($"input[name='{reloaded.Field("1", "Base")}']").GetAttribute("value").ShouldBe(json.GetProperty("base").GetString());
    }

    [Fact]
    public async Task Should_refuse_a_wrong_value_beside_its_field_and_store_nothing()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");

        var (status, json) = await SaveFieldAsync(userA, form, w.AssessmentA, "1", new() { [form.Field("1", "Points")] = "41" });
        status.ShouldBe(HttpStatusCode.BadRequest);
        json.GetProperty("state").GetString().ShouldBe("refused");
        json.GetProperty("errors").GetProperty(form.Field("1", "Points")).GetString().ShouldBe("41 nằm ngoài khoảng [0; 40] của tiêu chí 1.");

        await using var db = _app.NewDbContext();
        (await db.Entries.CountAsync(e => e.AssessmentId == w.AssessmentA)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_answer_404_to_a_user_of_another_unit()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var userB = await TestClient.LoginAsync(_app, "userB");
        var form = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        var own = await userB.GetAsync($"/Evaluations/Edit/{w.AssessmentB}");
        var fields = TestClient.Fields(form, "#assessment-form");
        fields.RemoveAll(f => f.Name == "__RequestVerificationToken");
        fields.Add(("__RequestVerificationToken", TestClient.Token(own)));
        fields.Add((form.Field("1", "Points"), "40"));
        fields.Add(("criterion", "1"));

        var response = await userB.Http.PostAsync($"/Evaluations/Edit/{w.AssessmentA}?handler=Field",
            new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = _app.NewDbContext();
        (await db.Entries.CountAsync(e => e.AssessmentId == w.AssessmentA)).ShouldBe(0);
    }

    [Fact]
    public async Task Should_let_the_clerk_and_the_head_save_different_criteria_and_conflict_only_on_the_same_one()
    {
        var w = await TestWorld.SeedAsync(_app);
        var clerk = await TestClient.LoginAsync(_app, "userA");
        var head = await TestClient.LoginAsync(_app, "headA");
        var clerkForm = await clerk.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        var headForm = await head.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");

        (await SaveFieldAsync(clerk, clerkForm, w.AssessmentA, "1", new() { [clerkForm.Field("1", "Points")] = "30" })).Status.ShouldBe(HttpStatusCode.OK);
        // The head's page is older than the clerk's save, but criterion 2.1 is as the head read it.
        var other = await SaveFieldAsync(head, headForm, w.AssessmentA, "2.1", new() { [headForm.Field("2.1", "Level")] = "A" });
        other.Status.ShouldBe(HttpStatusCode.OK);

        var (status, json) = await SaveFieldAsync(head, headForm, w.AssessmentA, "1", new() { [headForm.Field("1", "Points")] = "20" });
        status.ShouldBe(HttpStatusCode.Conflict);
        json.GetProperty("state").GetString().ShouldBe("conflict");
        var conflict = json.GetProperty("conflict");
        conflict.GetProperty("value").GetString().ShouldBe("30 điểm");
        conflict.GetProperty("by").GetString().ShouldBe(TestWorld.FullNames["userA"]);
        conflict.GetProperty("theirs").GetProperty("points").GetString().ShouldBe("30");
        conflict.GetProperty("message").GetString()!.ShouldStartWith($"Tiêu chí 1 vừa được {TestWorld.FullNames["userA"]} sửa trong lúc bạn nhập");
        await using (var db = _app.NewDbContext())
            (await db.Entries.SingleAsync(e => e.AssessmentId == w.AssessmentA && e.CriterionId == "1")).Points.ShouldBe(30);

        // "Keep mine": the head saves again from what is stored now.
        var kept = await SaveFieldAsync(head, headForm, w.AssessmentA, "1", new()
        {
            [headForm.Field("1", "Points")] = "20",
            [headForm.Field("1", "Base")] = conflict.GetProperty("base").GetString()!,
        });
        kept.Status.ShouldBe(HttpStatusCode.OK);
        await using var check = _app.NewDbContext();
        var stored = await check.Entries.Where(e => e.AssessmentId == w.AssessmentA).OrderBy(e => e.CriterionId).ToListAsync();
        stored.Select(e => (e.CriterionId, e.Points, e.Level, e.EnteredBy)).ShouldBe([("1", 20m, null, "headA"), ("2.1", null, "A", "headA")]);
    }

    [Fact]
    public async Task Should_show_a_whole_form_conflict_beside_the_typed_value_save_the_rest_after_the_choice_and_let_the_user_take_theirs()
    {
        var w = await TestWorld.SeedAsync(_app);
        var clerk = await TestClient.LoginAsync(_app, "userA");
        var head = await TestClient.LoginAsync(_app, "headA");
        var clerkForm = await clerk.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        var headForm = await head.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        (await clerk.SubmitAsync(clerkForm, "#assessment-form", new() { [clerkForm.Field("1", "Points")] = "35,5", [clerkForm.Field("1", "Note")] = "Kế hoạch số 12" }, "#save-draft"))
            .Text("#notice").ShouldStartWith("Đã lưu bản nháp.");

        var refused = await head.SubmitAsync(headForm, "#assessment-form", new()
        {
            [headForm.Field("1", "Points")] = "20",
            [headForm.Field("3", "Points")] = "15",
        }, "#save-draft");
        refused.RefusalCodes.ShouldBe(["entry.changedByOther"]);
        refused.Find("#refusals a").GetAttribute("href").ShouldBe("#conflict-1");
        refused.Find($"input[name='{refused.Field("1", "Points")}']").GetAttribute("value").ShouldBe("20");
        refused.Text("#conflict-1").ShouldContain($"{TestWorld.FullNames["userA"]} đã lưu: 35,5 điểm — Kế hoạch số 12");
        refused.Find("#conflict-1 input[data-resolve='mine']").HasAttribute("checked").ShouldBeTrue();

        // Taking theirs keeps the clerk's value on 1 and saves the head's other criterion.
        var taken = await head.SubmitAsync(refused, "#assessment-form", new() { [refused.Field("1", "TakeTheirs")] = "true" }, "#save-draft");
        taken.Text("#notice").ShouldStartWith("Đã lưu bản nháp.");
        await using (var db = _app.NewDbContext())
        {
            var stored = await db.Entries.Where(e => e.AssessmentId == w.AssessmentA).OrderBy(e => e.CriterionId).ToListAsync();
            stored.Select(e => (e.CriterionId, e.Points)).ShouldBe([("1", 35.5m), ("3", 15m)]);
        }

        // Keeping one's own (the default) saves it over theirs.
        var clerkAgain = await clerk.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        var headAgain = await head.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        await clerk.SubmitAsync(clerkAgain, "#assessment-form", new() { [clerkAgain.Field("3", "Points")] = "10" }, "#save-draft");
        var second = await head.SubmitAsync(headAgain, "#assessment-form", new() { [headAgain.Field("3", "Points")] = "18" }, "#save-draft");
        second.RefusalCodes.ShouldBe(["entry.changedByOther"]);
        (await head.SubmitAsync(second, "#assessment-form", null, "#save-draft")).Text("#notice").ShouldStartWith("Đã lưu bản nháp.");
        await using var check = _app.NewDbContext();
        (await check.Entries.SingleAsync(e => e.AssessmentId == w.AssessmentA && e.CriterionId == "3")).Points.ShouldBe(18);
    }

    [Fact]
    public async Task Should_list_a_failed_save_at_the_top_linked_to_each_field_marked_invalid_and_focused()
    {
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var form = await userA.GetAsync($"/Evaluations/Edit/{w.AssessmentA}");
        var refused = await userA.SubmitAsync(form, "#assessment-form", new()
        {
            [form.Field("1", "Points")] = "41",
            [form.Field("T1", "Count")] = "1,5",
        }, "#save-draft");

        refused.Document.QuerySelectorAll("#refusals a").Select(a => a.GetAttribute("href")).ShouldBe(["#e-1-points", "#e-T1-count"]);
        var points = refused.Find("#e-1-points");
        points.GetAttribute("aria-invalid").ShouldBe("true");
        points.GetAttribute("aria-describedby").ShouldBe("e-1-points-error");
        refused.Text("#e-1-points-error").ShouldBe("41 nằm ngoài khoảng [0; 40] của tiêu chí 1.");
        points.HasAttribute("autofocus").ShouldBeTrue();
        refused.Find("#e-T1-count").HasAttribute("autofocus").ShouldBeFalse();
        refused.Find("#e-3-points").HasAttribute("aria-invalid").ShouldBeFalse();
        refused.Find("label[for='e-1-note']").TextContent.ShouldBe("Giải trình — tiêu chí 1");
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteFieldSaveTests(SqliteWebApp app) : FieldSaveTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresFieldSaveTests(PostgresWebApp app) : FieldSaveTests(app);
