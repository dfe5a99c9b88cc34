using DanVan.Accounts;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.OrgUnits;

/// <summary>Materialised paths kept by the context on add and move, and the scope filter run in SQL.</summary>
public abstract class UnitPathsTests(TestDatabase db) : DatabaseTest(db)
{
    private readonly TestDatabase _db = db;

    [Fact]
    public async Task Should_keep_paths_on_add_and_move_and_filter_the_scope_in_sql()
    {
        int province, d1, d2, commune;
        await using (var db = _db.NewContext())
        {
            var p = new OrgUnit { Code = "T", Name = "Tỉnh", Kind = OrgUnitKind.Province };
            var h1 = new OrgUnit { Code = "H1", Name = "Huyện 1", Kind = OrgUnitKind.District, Parent = p };
            var h2 = new OrgUnit { Code = "H2", Name = "Huyện 2", Kind = OrgUnitKind.District, Parent = p };
            var x = new OrgUnit { Code = "X1", Name = "Xã 1", Kind = OrgUnitKind.Commune, Parent = h1 };
            db.AddRange(p, h1, h2, x);
            await db.SaveChangesAsync();
            (province, d1, d2, commune) = (p.Id, h1.Id, h2.Id, x.Id);
            x.Path.ShouldBe($"/{province}/{d1}/{commune}/");
        }

        await using (var db = _db.NewContext())
        {
            // Move district 1 (with its commune) under district 2.
            var h1 = await db.Units.SingleAsync(u => u.Id == d1);
            h1.ParentId = d2;
            await db.SaveChangesAsync();
        }

        await using (var db = _db.NewContext())
        {
            var paths = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Path);
            paths[commune].ShouldBe($"/{province}/{d2}/{d1}/{commune}/");
            var viewer = new UserScope("v", "v", [new RoleAssignment { UserId = "v", Role = Role.Viewer, ScopeUnitId = d2 }], paths);
            (await db.Units.Where(viewer.ReadableUnit()).Select(u => u.Id).OrderBy(i => i).ToListAsync()).ShouldBe(new[] { d2, d1, commune }.Order());
            var unit = new UserScope("u", "u", [new RoleAssignment { UserId = "u", Role = Role.UnitUser, ScopeUnitId = d2 }], paths);
            (await db.Units.Where(unit.ReadableUnit()).Select(u => u.Id).ToListAsync()).ShouldBe([d2]);
            var nobody = new UserScope("n", "n", [], paths);
            (await db.Units.Where(nobody.ReadableUnit()).CountAsync()).ShouldBe(0);
        }
    }
}

[Collection<SqliteDb>]
public sealed class SqliteUnitPathsTests(SqliteDatabase db) : UnitPathsTests(db);

[Collection<PostgresDb>]
public sealed class PostgresUnitPathsTests(PostgresDatabase db) : UnitPathsTests(db);
