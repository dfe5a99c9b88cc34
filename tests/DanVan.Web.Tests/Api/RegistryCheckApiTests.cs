using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Registries;
using DanVan.Web.Api.Evaluations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DanVan.Web.Tests.Api.ApiScenario;

namespace DanVan.Web.Tests.Api;

/// <summary>Criteria checked against the registries, through the API: the figures and contradictions come with the assessment.</summary>
public abstract class RegistryCheckApiTests(WebAppFactory app) : ApiTestBase(app)
{
    private readonly WebAppFactory _app = app;

    [Fact]
    public async Task Should_return_the_figure_flag_an_over_score_and_take_the_count_from_the_reception_log()
    {
        var id = await LinkedCriteriaScenario.OpenLinkedPeriodAsync(_app, S, periodicByHead: 3, delegations: 1);
        var unit = S.As(UnitA);

        var a = await unit.GetAssessmentAsync(id);
        var checkedCriterion = a.Criteria[0].Children[1];
        checkedCriterion.Registry.ShouldNotBeNull();
        (checkedCriterion.Registry.Figure, checkedCriterion.Registry.Value, checkedCriterion.Registry.AtLeast).ShouldBe(("receptions.periodic.byHead", 3m, 12m));
        checkedCriterion.Registry.Text.ShouldBe("3 buổi tiếp công dân định kỳ do người đứng đầu chủ trì");
        a.Deductions[0].Registry!.TakenValue.ShouldBe(1m);
        a.Contradictions.ShouldBeEmpty();

        a = await unit.SetEntryAsync(id, "1.2", new EntryBody { Level = "A", Version = a.Version });
        var contradiction = a.Contradictions.ShouldHaveSingleItem();
        (contradiction.Code, contradiction.Criterion).ShouldBe(("contradiction.belowAtLeast", "1.2"));
        contradiction.Message.ShouldBe("Tự chấm 30/30 nhưng sổ tiếp công dân ghi 3/12 buổi tiếp công dân định kỳ do người đứng đầu chủ trì.");
        // The unit's save took the delegations from the log: one, 5 points deducted.
        a.Deductions[0].SelfEntry!.Count.ShouldBe(1);
        a.Self.Deduction.ShouldBe(5m);

        var typed = await unit.SetEntryResponseAsync(id, "T1", new EntryBody { Count = 0, Version = a.Version });
        var problem = await typed.ProblemAsync(400);
        problem["code"]!.GetValue<string>().ShouldBe("entry.takenFromRegistry");
        problem.Errors()["criterion:T1/count"].Single().ShouldBe("Tiêu chí T1 lấy giá trị từ sổ (receptions.delegations); không nhập tay.");

        // The head confirms, the unit submits despite the warning; the coordinator sees the contradiction, in English when asked.
        a = await S.As(HeadA).ActAsync(id, "confirm", new VersionBody { Version = a.Version });
        a = await unit.ActAsync(id, "submit", new VersionBody { Version = a.Version });
        a.Status.ShouldBe(AssessmentStatus.Submitted);
        var coordinator = S.As(Coordinator);
        coordinator.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var seen = await coordinator.GetAssessmentAsync(id);
        seen.Contradictions.ShouldHaveSingleItem().Message.ShouldBe("Self-score 30/30 but the reception log records 3 of 12 periodic receptions chaired by the head.");
        seen.Criteria[0].Children[1].Registry!.Text.ShouldBe("3 periodic receptions chaired by the head");
    }

    [Fact]
    public async Task Should_not_flag_a_score_the_log_supports()
    {
        var id = await LinkedCriteriaScenario.OpenLinkedPeriodAsync(_app, S, periodicByHead: 12, delegations: 0);
        var unit = S.As(UnitA);
        var a = await unit.GetAssessmentAsync(id);

        a = await unit.SetEntryAsync(id, "1.2", new EntryBody { Level = "A", Version = a.Version });

        a.Contradictions.ShouldBeEmpty();
        a.Criteria[0].Children[1].Registry!.SupportedPoints.ShouldBe(30m);
        a.Deductions[0].SelfEntry!.Count.ShouldBe(0);
    }
}

[Collection<SqliteWeb>]
public sealed class SqliteRegistryCheckApiTests(SqliteWebApp app) : RegistryCheckApiTests(app);

[Collection<PostgresWeb>]
public sealed class PostgresRegistryCheckApiTests(PostgresWebApp app) : RegistryCheckApiTests(app);

/// <summary>The scenario's criteria set with 1.2 checked against periodic receptions chaired by the head (at least 12) and T1 counted
/// from delegations, a period of last year for the agencies, and agency A's receptions of that year recorded through the reception log.</summary>
public static class LinkedCriteriaScenario
{
    public static async Task<int> OpenLinkedPeriodAsync(WebAppFactory app, ApiScenario s, int periodicByHead, int delegations)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DanVanDbContext>();
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Api", "criteria-set.json")))!;
        json["id"] = "thu-nghiem-so";
        json["criteria"]![0]!["children"]![1]!["registry"] = JsonNode.Parse("""{ "figure": "receptions.periodic.byHead", "atLeast": 12 }""");
        json["deductions"]![0]!["registry"] = JsonNode.Parse("""{ "figure": "receptions.delegations", "takeValue": true }""");
        var read = CriteriaSetFile.Parse(json.ToJsonString(), "thu-nghiem-so.json");
        read.Refusals.ShouldBeEmpty();
        var (stored, _) = await CriteriaSetStore.ImportAsync(db, read.Set!);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = today.Year - 1;
        var period = await DanVan.Evaluations.Periods.OpenAsync(db, new OpenPeriodRequest(
            year, $"Đánh giá năm {year} (đối chiếu sổ)", s.ProvinceId, today.AddDays(-10), today.AddDays(30), true,
            [new PeriodGroupChoice(s.AgencyGroup, stored.Id)]), "seed");

        var unit = await db.Units.SingleAsync(u => u.Id == s.AgencyA);
        var actor = new RegistryActor("vanthu", DateTime.UtcNow, TimeZoneInfo.Utc, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>());
        for (var i = 0; i < periodicByHead; i++)
            await ReceptionLog.RecordAsync(db, unit, new ReceptionInput
            {
                ReceivedOn = new DateOnly(year, i + 1, 10), Kind = "định kỳ", ByHead = true, ReceivedByName = "Giám đốc Sở A", VisitorCount = 2,
                Summary = "Kiến nghị về chế độ chính sách", MatterKind = "kiến nghị", Outcome = "giải thích",
            }, actor);
        for (var i = 0; i < delegations; i++)
            await ReceptionLog.RecordAsync(db, unit, new ReceptionInput
            {
                ReceivedOn = new DateOnly(year, 6, 10 + i), Kind = "đột xuất", ReceivedByName = "Phó Giám đốc Sở A", VisitorCount = 15, IsDelegation = true,
                Summary = "Khiếu nại về bồi thường giải phóng mặt bằng", MatterKind = "khiếu nại", Outcome = "tiếp nhận đơn",
            }, actor);
        return await db.Assessments.Where(a => a.PeriodId == period.Id && a.UnitId == s.AgencyA).Select(a => a.Id).SingleAsync();
    }
}
