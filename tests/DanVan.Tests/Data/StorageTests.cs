using DanVan.Audit;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.OrgUnits;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Data;

/// <summary>Storage behaviour, written once and run on SQLite and on PostgreSQL.</summary>
public abstract class StorageTests(TestDatabase db) : IAsyncLifetime
{
    private readonly TestDatabase _db = db;

    public async ValueTask InitializeAsync() => await _db.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Should_store_a_hierarchy_with_groups_and_successors()
    {
        await using (var db = _db.NewContext())
        {
            var province = new OrgUnit { Code = "44", Name = "Tỉnh Quảng Bình", Kind = OrgUnitKind.Province };
            var district = new OrgUnit { Code = "450", Name = "UBND huyện Lệ Thủy", Kind = OrgUnitKind.District, Parent = province, ValidTo = new(2025, 6, 30) };
            var commune = new OrgUnit { Code = "19246", Name = "UBND xã Kim Thủy", Kind = OrgUnitKind.Commune, Parent = district };
            var group = new UnitGroup { Code = "cap-xa", Name = "Cấp xã" };
            commune.Groups.Add(group);
            db.Units.AddRange(province, district, commune);
            await db.SaveChangesAsync();
            db.Successions.Add(new UnitSuccession { PredecessorId = district.Id, SuccessorId = province.Id, EffectiveOn = new(2025, 7, 1), Kind = SuccessionKind.Merge });
            await db.SaveChangesAsync();
        }

        await using var read = _db.NewContext();
        var stored = await read.Units.Include(u => u.Groups).Include(u => u.Parent).SingleAsync(u => u.Code == "19246");
        stored.Name.ShouldBe("UBND xã Kim Thủy");
        stored.Parent!.Name.ShouldBe("UBND huyện Lệ Thủy");
        stored.Groups.Single().Name.ShouldBe("Cấp xã");
        (await read.Successions.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_a_duplicate_unit_code()
    {
        await using var db = _db.NewContext();
        db.Units.Add(new OrgUnit { Code = "X1", Name = "A", Kind = OrgUnitKind.Commune });
        db.Units.Add(new OrgUnit { Code = "X1", Name = "B", Kind = OrgUnitKind.Commune });
        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Should_refuse_the_second_of_two_concurrent_saves_of_an_assessment()
    {
        var id = await SeedAssessmentAsync();
        await using var first = _db.NewContext();
        await using var second = _db.NewContext();
        var a = await first.Assessments.SingleAsync(x => x.Id == id);
        var b = await second.Assessments.SingleAsync(x => x.Id == id);
        a.SelfTotal = 90;
        await first.SaveChangesAsync();
        b.SelfTotal = 80;
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var read = _db.NewContext();
        (await read.Assessments.SingleAsync(x => x.Id == id)).SelfTotal.ShouldBe(90m);
    }

    [Fact]
    public async Task Should_keep_decimal_points_exactly_and_refuse_edits_of_the_audit_trail()
    {
        var id = await SeedAssessmentAsync();
        await using (var db = _db.NewContext())
        {
            db.Entries.Add(new AssessmentEntry { AssessmentId = id, CriterionId = "1.1", Layer = ScoreLayer.Appraisal, Points = 7.25m, Note = "Thiếu kế hoạch" });
            AuditTrail.Record(db, new AuditLine("test", DateTime.UtcNow, "entry.set", AuditSubject.Named("Assessment", id.ToString(System.Globalization.CultureInfo.InvariantCulture))) { New = "7,25" });
            await db.SaveChangesAsync();
        }

        await using var read = _db.NewContext();
        (await read.Entries.SingleAsync()).Points.ShouldBe(7.25m);
        var audit = await read.Audit.SingleAsync();
        audit.NewValue = "tampered";
        Should.Throw<InvalidOperationException>(() => read.SaveChanges());
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
public sealed class SqliteStorageTests(SqliteDatabase db) : StorageTests(db);

[Collection<PostgresDb>]
public sealed class PostgresStorageTests(PostgresDatabase db) : StorageTests(db);
