using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.OrgUnits;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Evaluations;

/// <summary>A changed entry is a change of its assessment: the version moves and a concurrent save of the same version is refused.</summary>
public abstract class EntryVersionTests(TestDatabase db) : IAsyncLifetime
{
    private readonly TestDatabase _db = db;

    public async ValueTask InitializeAsync() => await _db.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Should_move_the_version_when_only_an_entry_changes_and_refuse_the_second_of_two_entry_saves()
    {
        var id = await SeedAssessmentAsync();
        await using var first = _db.NewContext();
        await using var second = _db.NewContext();
        var a = await first.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == id);
        var b = await second.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == id);
        var before = a.Version;

        a.Entries.Add(new AssessmentEntry { CriterionId = "1.1", Layer = ScoreLayer.Self, Points = 10 });
        await first.SaveChangesAsync();
        a.Version.ShouldBe(before + 1);

        b.Entries.Add(new AssessmentEntry { CriterionId = "1.2", Layer = ScoreLayer.Self, Points = 5 });
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var read = _db.NewContext();
        var stored = await read.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == id);
        stored.Version.ShouldBe(before + 1);
        stored.Entries.Select(e => e.CriterionId).ShouldBe(["1.1"]);

        stored.Entries.Single().Points = 12;
        await read.SaveChangesAsync();
        stored.Version.ShouldBe(before + 2);
    }

    private async Task<int> SeedAssessmentAsync()
    {
        await using var db = _db.NewContext();
        var province = new OrgUnit { Code = "P", Name = "Tỉnh", Kind = OrgUnitKind.Province };
        var unit = new OrgUnit { Code = "U", Name = "Sở Nội vụ", Kind = OrgUnitKind.ProvincialAgency, Parent = province };
        var group = new UnitGroup { Code = "so-nganh", Name = "Sở, ban, ngành" };
        var set = new DanVan.Criteria.StoredCriteriaSet { Key = "k", Version = 1, Name = "Bộ", DecisionNumber = "1/QĐ", Json = "{}", ContentHash = "h" };
        var period = new EvaluationPeriod { Year = 2024, Name = "Năm 2024", ScopeUnit = province, OpensOn = new(2024, 11, 1), Deadline = new(2024, 11, 30) };
        db.AddRange(province, unit, group, set, period);
        await db.SaveChangesAsync();
        var assessment = new Assessment { PeriodId = period.Id, UnitId = unit.Id, GroupId = group.Id, CriteriaSetId = set.Id };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }
}

[Collection<SqliteDb>]
public sealed class SqliteEntryVersionTests(SqliteDatabase db) : EntryVersionTests(db);

[Collection<PostgresDb>]
public sealed class PostgresEntryVersionTests(PostgresDatabase db) : EntryVersionTests(db);
