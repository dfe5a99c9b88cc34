using DanVan.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DanVan.Tests.Data;

/// <summary>The migration AuditSubjects keeps the lines written before it: "Type:Id" subjects and assessment lines get a subject type and id.</summary>
public abstract class AuditMigrationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Should_fill_subject_type_and_id_from_the_old_columns()
    {
        await using (var db = _db.NewContext())
        {
            var migrator = db.GetService<IMigrator>();
            var initial = db.Database.GetMigrations().First();
            await migrator.MigrateAsync(initial);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Audit" ("At", "User", "Action", "AssessmentId", "CriterionId", "Subject", "OldValue", "NewValue", "Reason")
                VALUES ('2024-12-01 08:00:00', 'snv', 'unit.update', NULL, NULL, 'OrgUnit:12', 'a', 'b', NULL),
                       ('2024-12-01 08:01:00', 'canbo', 'entry.self', 7, '2.3', NULL, NULL, '9 điểm', NULL),
                       ('2024-12-01 08:02:00', 'admin', 'criteria.import', NULL, NULL, 'CriteriaSet:3', NULL, 'x', NULL);
                """);
            await migrator.MigrateAsync();
        }

        await using var read = _db.NewContext();
        var lines = await read.Audit.OrderBy(a => a.At).ToListAsync();
        lines.Select(a => (a.SubjectType, a.SubjectId, a.AssessmentId, a.CriterionId)).ShouldBe(
        [
            ("OrgUnit", "12", null, null),
            ("Assessment", "7", 7, "2.3"),
            ("CriteriaSet", "3", null, null),
        ]);
    }
}

public sealed class SqliteAuditMigrationTests() : AuditMigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditMigrationTests() : AuditMigrationTests(DatabaseProvider.Postgres);
