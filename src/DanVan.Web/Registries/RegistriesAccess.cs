using System.Linq.Expressions;
using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Registries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace DanVan.Web.Registries;

/// <summary>A record's citizens as this reader sees them: in full (the read then logged) or masked.</summary>
/// <param name="Personal">True when shown in full.</param>
/// <param name="Citizens">The citizens, in order.</param>
public sealed record CitizensShown(bool Personal, IReadOnlyList<CitizenView> Citizens);

/// <summary>
/// Finding citizen registry records within the user's scope, for the pages and the API alike: out of scope looks exactly
/// like missing (404); personal data is shown in full only with <see cref="RegistryPermissions.ReadPersonal"/>, and then logged.
/// </summary>
public static class RegistriesAccess
{
    /// <summary>Receptions of units the user reads, as a join in SQL.</summary>
    public static IQueryable<Reception> Receptions(DanVanDbContext db, UserScope scope) =>
        db.Receptions.Where(ScopeFilter.On<Reception>(scope, r => r.Unit));

    /// <summary>Petitions of units the user reads.</summary>
    public static IQueryable<Petition> Petitions(DanVanDbContext db, UserScope scope) =>
        db.Petitions.Where(ScopeFilter.On<Petition>(scope, r => r.Unit));

    /// <summary>Dialogues of units the user reads.</summary>
    public static IQueryable<Dialogue> Dialogues(DanVanDbContext db, UserScope scope) =>
        db.Dialogues.Where(ScopeFilter.On<Dialogue>(scope, r => r.Unit));

    /// <summary>Cases the user reads: formed at a unit the user reads, or holding a record of one.</summary>
    /// <remarks>A case merged at the province holds a commune's reception; the commune sees its own case (and only its own records in it).</remarks>
    public static IQueryable<CitizenCase> Cases(DanVanDbContext db, UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(db);
        var own = ScopeFilter.On<CitizenCase>(scope, c => c.Unit);
        if (scope.IsAdministrator) return db.CitizenCases.Where(own);
        var receptions = Receptions(db, scope).Where(r => r.CaseId != null).Select(r => r.CaseId);
        var petitions = Petitions(db, scope).Where(r => r.CaseId != null).Select(r => r.CaseId);
        Expression<Func<CitizenCase, bool>> holding = c => receptions.Contains(c.Id) || petitions.Contains(c.Id);
        var row = own.Parameters[0];
        var body = Expression.OrElse(own.Body, ReplacingExpressionVisitor.Replace(holding.Parameters[0], row, holding.Body));
        return db.CitizenCases.Where(Expression.Lambda<Func<CitizenCase, bool>>(body, row));
    }

    /// <summary>The reception (unit, citizens and case loaded, tracked) if the user reads its unit, else null.</summary>
    public static Task<Reception?> FindReceptionAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct = default) =>
        Receptions(db, scope).Include(r => r.Unit).Include(r => r.Citizens).Include(r => r.Case).SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The petition (unit, citizens and case loaded, tracked) if the user reads its unit, else null.</summary>
    public static Task<Petition?> FindPetitionAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct = default) =>
        Petitions(db, scope).Include(r => r.Unit).Include(r => r.Citizens).Include(r => r.Case).SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The dialogue (unit and follow-ups loaded, tracked) if the user reads its unit, else null.</summary>
    public static Task<Dialogue?> FindDialogueAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct = default) =>
        Dialogues(db, scope).Include(d => d.Unit).SingleOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>The case (unit loaded, tracked) if the user reads it (see <see cref="Cases"/>), else null.</summary>
    public static Task<CitizenCase?> FindCaseAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct = default) =>
        Cases(db, scope).Include(c => c.Unit).SingleOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>A record by key ("R:12", "P:7") the user may read, else null.</summary>
    public static async Task<CitizenRecord?> FindRecordAsync(DanVanDbContext db, UserScope scope, string key, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var record = await DanVan.Registries.Cases.FindAsync(db, key, ct);
        return record is not null && scope.CanRead(record.Unit!.Path) ? record : null;
    }

    /// <summary>The answer for <paramref name="action"/> on a record of <paramref name="unit"/>: allowed, 404 out of scope, 403 for a role that may not.</summary>
    public static AccessOutcome Decide(Permissions permissions, UserScope user, string action, OrgUnit unit)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        ArgumentNullException.ThrowIfNull(unit);
        return permissions.Decide(user, action, Target.Unit(unit));
    }

    /// <summary>True when the user reads the citizens' personal data of <paramref name="unit"/>'s records (the unit itself, or a registry clerk covering it).</summary>
    public static bool MayReadPersonal(Permissions permissions, UserScope user, OrgUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return MayReadPersonal(permissions, user, unit.Path);
    }

    /// <summary>True when the user may read the personal data of records of the unit at <paramref name="unitPath"/>.</summary>
    public static bool MayReadPersonal(Permissions permissions, UserScope user, string unitPath)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return permissions.May(user, RegistryPermissions.ReadPersonal, new Target(unitPath));
    }

    /// <summary>The record's citizens as this user may see them; a read in full is logged (who, when, which record, through <paramref name="path"/>),
    /// except the answer to the write that sent them (<paramref name="justWritten"/>: the write's own audit line covers it).</summary>
    public static async Task<IReadOnlyList<CitizenView>> CitizensAsync(DanVanDbContext db, Permissions permissions, UserScope scope, PersonalDataProtector protector,
        CitizenRecord record, DateTime at, string path, bool justWritten = false, CancellationToken ct = default) =>
        (await ShowCitizensAsync(db, permissions, scope, record, protector, at, path, justWritten, ct)).Citizens;

    /// <summary>The record's citizens for this reader: in full with the personal-data permission (the read logged, one audit
    /// line <c>personal.read</c> naming <paramref name="path"/>), masked otherwise (least access).</summary>
    /// <param name="path">Where the read happened: "page", "api", "export".</param>
    /// <param name="justWritten">The answer to the write that sent them: not a read (the write's own audit line covers it).</param>
    public static async Task<CitizensShown> ShowCitizensAsync(DanVanDbContext db, Permissions permissions, UserScope user, CitizenRecord record,
        PersonalDataProtector protector, DateTime at, string path, bool justWritten = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var personal = MayReadPersonal(permissions, user, record.Unit ?? throw new InvalidOperationException("load the record's unit"));
        var views = record.Citizens.OrderBy(c => c.Position).Select(c => CitizenView.Of(c, personal, protector)).ToList();
        if (personal && !justWritten) await PersonalDataAccess.LogReadAsync(db, [record], user.UserName, at, path, ct);
        return new CitizensShown(personal, views);
    }

    /// <summary>The citizens' names masked, for lists (everyone sees lists masked: least access).</summary>
    public static string MaskedNames(CitizenRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Join("; ", record.Citizens.OrderBy(c => c.Position).Select(c => Masking.Name(c.Name)).OfType<string>());
    }
}
