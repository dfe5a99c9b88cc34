using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.Registries;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Registries;

/// <summary>Finding registry records within the user's scope and showing their citizens, for the pages and the API alike:
/// out of scope looks exactly like missing (404); personal data only with <see cref="RegistryPermissions.ReadPersonal"/>, and each such read logged.</summary>
public static class RegistriesAccess
{
    /// <summary>Receptions whose unit the user reads.</summary>
    public static IQueryable<Reception> Receptions(DanVanDbContext db, UserScope scope) => db.Receptions.Where(ScopeFilter.On<Reception>(scope, r => r.Unit));

    /// <summary>Petitions whose unit the user reads.</summary>
    public static IQueryable<Petition> Petitions(DanVanDbContext db, UserScope scope) => db.Petitions.Where(ScopeFilter.On<Petition>(scope, r => r.Unit));

    /// <summary>Dialogues whose unit the user reads.</summary>
    public static IQueryable<Dialogue> Dialogues(DanVanDbContext db, UserScope scope) => db.Dialogues.Where(ScopeFilter.On<Dialogue>(scope, r => r.Unit));

    /// <summary>Cases formed in a unit the user reads.</summary>
    public static IQueryable<CitizenCase> Cases(DanVanDbContext db, UserScope scope) => db.CitizenCases.Where(ScopeFilter.On<CitizenCase>(scope, r => r.Unit));

    /// <summary>A reception (unit, citizens, case loaded, tracked) the user may read, else null.</summary>
    public static Task<Reception?> FindReceptionAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct = default) =>
        Receptions(db, scope).Include(r => r.Unit).Include(r => r.Citizens).Include(r => r.Case).SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>A petition (unit, citizens, case loaded, tracked) the user may read, else null.</summary>
    public static Task<Petition?> FindPetitionAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct = default) =>
        Petitions(db, scope).Include(r => r.Unit).Include(r => r.Citizens).Include(r => r.Case).SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>A dialogue (unit and follow-ups loaded, tracked) the user may read, else null.</summary>
    public static Task<Dialogue?> FindDialogueAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct = default) =>
        Dialogues(db, scope).Include(r => r.Unit).SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>A case (unit loaded, tracked) the user may read, else null.</summary>
    public static Task<CitizenCase?> FindCaseAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct = default) =>
        Cases(db, scope).Include(r => r.Unit).SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>A record by key ("R:12", "P:7") the user may read, else null.</summary>
    public static async Task<CitizenRecord?> FindRecordAsync(DanVanDbContext db, UserScope scope, string key, CancellationToken ct = default)
    {
        var record = await DanVan.Registries.Cases.FindAsync(db, key, ct);
        return record is not null && scope.CanRead(record.Unit!.Path) ? record : null;
    }

    /// <summary>True when the user may read the personal data of records of the unit at <paramref name="unitPath"/>.</summary>
    public static bool MayReadPersonal(Permissions permissions, UserScope scope, string unitPath) =>
        permissions.May(scope, RegistryPermissions.ReadPersonal, new Target(unitPath));

    /// <summary>The record's citizens as this user may see them; a read in full is logged (who, when, which record, through <paramref name="path"/>).</summary>
    public static async Task<IReadOnlyList<CitizenView>> CitizensAsync(DanVanDbContext db, Permissions permissions, UserScope scope, PersonalDataProtector protector,
        CitizenRecord record, DateTime at, string path, CancellationToken ct = default)
    {
        var personal = MayReadPersonal(permissions, scope, record.Unit!.Path);
        if (personal) await PersonalDataAccess.LogReadAsync(db, [record], scope.UserName, at, path, ct);
        return record.Citizens.OrderBy(c => c.Position).Select(c => CitizenView.Of(c, personal, protector)).ToList();
    }
}
