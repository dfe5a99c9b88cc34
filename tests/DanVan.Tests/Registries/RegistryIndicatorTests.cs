using DanVan.OrgUnits;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Statistics;
using DanVan.Tests.Data;
using DanVan.Tests.Statistics;

namespace DanVan.Tests.Registries;

/// <summary>Statistics indicators that name a registry figure: filled from the unit's records, never typed, and not submitted once they move.</summary>
public abstract class RegistryIndicatorTests(TestDatabase db) : DatabaseTest(db)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly DateTime Now = new(2018, 12, 10, 3, 0, 0, DateTimeKind.Utc);
    private static readonly RegistryActor Clerk = new("tiepdan", Now, Zone, new PersonalDataProtector(new byte[32]));
    private readonly TestDatabase _db = db;

    /// <summary>The 001 appendix with its reception counts taken from the reception log.</summary>
    public static string Sourced(string? visits = "receptions.visits") => FormSamples.Text(FormSamples.Appendix001)
        .Replace("\"code\": \"receptions\",", $"\"code\": \"receptions\", \"registry\": \"{visits}\",", StringComparison.Ordinal)
        .Replace("\"code\": \"receptionsByChairman\",", "\"code\": \"receptionsByChairman\", \"registry\": \"receptions.byHead\",", StringComparison.Ordinal);

    private static ReceptionInput Visit(DateOnly on, bool byHead, int people) => new()
    {
        ReceivedOn = on, Kind = "định kỳ", ReceivedByName = "Chủ tịch xã", ByHead = byHead, VisitorCount = people, Summary = "Kiến nghị",
        MatterKind = "kiến nghị", Outcome = "giải thích",
    };

    [Fact]
    public async Task Should_fill_registry_indicators_from_the_units_records_over_the_period_and_refuse_typing_them()
    {
        await using var db = _db.NewContext();
        var d = new OrgUnit { Code = "H", Name = "Huyện Nga Sơn", Kind = OrgUnitKind.District };
        var c = new OrgUnit { Code = "X1", Name = "Xã Nga Thái", Kind = OrgUnitKind.Commune, Parent = d };
        db.AddRange(d, c);
        await db.SaveChangesAsync();
        var form = await FormLibrary.ImportAsync(db, Sourced(), "a.json", "snv", Now);
        var period = await FormPeriods.OpenAsync(db, new OpenFormPeriodRequest(form.Id, 2018, 1, d.Id, new DateOnly(2018, 11, 1)), "snv", Now);
        await ReceptionLog.RecordAsync(db, c, Visit(new DateOnly(2018, 3, 1), true, 2), Clerk);
        await ReceptionLog.RecordAsync(db, c, Visit(new DateOnly(2018, 6, 1), true, 1), Clerk);
        await ReceptionLog.RecordAsync(db, c, Visit(new DateOnly(2018, 9, 1), false, 1), Clerk);
        await ReceptionLog.RecordAsync(db, c, Visit(new DateOnly(2017, 11, 1), true, 1), Clerk); // before the 2018 window (15/12/2017)

        var report = (await FormFilling.LoadAsync(db, period.Id, c.Id))!;
        var def = FormFilling.FormOf(report);
        var typed = FormFilling.Read(def, [KeyValuePair.Create("receptions", (string?)"12")]);
        typed.Refusals.Single().ShouldSatisfyAllConditions(r => r.Code.ShouldBe("forms.valueFromRegistry"), r => r.Where.Criterion.ShouldBe("receptions"));
        var (values, _) = FormFilling.Read(def, [KeyValuePair.Create("ntmScope", (string?)"1/1"), KeyValuePair.Create("ntmCommunes", (string?)"1"),
            KeyValuePair.Create("receptionVisitors", (string?)"4"), KeyValuePair.Create("households", (string?)"2.000"), KeyValuePair.Create("poorHouseholds", (string?)"60")]);
        await FormFilling.SaveAsync(db, report, new FormChanges(values), "canbo", Now, Zone);
        var stored = report.ToFormValues().Values;
        stored["receptions"].ShouldBe(new NumberValue(3));
        stored["receptionsByChairman"].ShouldBe(new NumberValue(2));
        (await Should.ThrowAsync<RefusedException>(() => FormFilling.SaveAsync(db, report, new FormChanges(new Dictionary<string, IndicatorValue?> { ["receptions"] = new NumberValue(9) }), "canbo", Now, Zone)))
            .Code.ShouldBe("forms.valueFromRegistry");

        await FormFilling.ConfirmAsync(db, report, "chutich", Now);
        await ReceptionLog.RecordAsync(db, c, Visit(new DateOnly(2018, 10, 1), true, 3), Clerk);
        var refused = await Should.ThrowAsync<RefusedException>(() => FormFilling.SubmitAsync(db, report, "canbo", Now, Zone));
        refused.Refusals.Select(r => (r.Code, r.Where.Criterion)).ShouldBe([("forms.registryChanged", "receptions"), ("forms.registryChanged", "receptionsByChairman")], ignoreOrder: true);
    }

    [Fact]
    public void Should_refuse_an_unknown_registry_figure_at_its_path()
    {
        var result = FormDefinitionFile.Parse(Sourced("receptions.nope"), "a.json");
        result.Refusals.Single().ShouldSatisfyAllConditions(r => r.Code.ShouldBe("forms.unknownRegistryFigure"), r => r.Where.Path.ShouldNotBeNull().ShouldEndWith(".registry"));
        RefusalText.Knows("forms.unknownRegistryFigure").ShouldBeTrue();
    }
}

[Collection<SqliteDb>]
public sealed class SqliteRegistryIndicatorTests(SqliteDatabase db) : RegistryIndicatorTests(db);

[Collection<PostgresDb>]
public sealed class PostgresRegistryIndicatorTests(PostgresDatabase db) : RegistryIndicatorTests(db);
