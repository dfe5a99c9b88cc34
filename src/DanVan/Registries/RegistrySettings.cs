using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>The registry settings in force for a unit: the nearest setting on its path, the latest one effective on the day.</summary>
public static class RegistrySettings
{
    /// <summary>The setting in force for <paramref name="unit"/> on <paramref name="day"/>, or the defaults.</summary>
    public static async Task<RegistrySetting> ForAsync(DanVanDbContext db, OrgUnit unit, DateOnly day, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        var ids = Ancestors(unit.Path);
        var rows = await db.RegistrySettings.AsNoTracking().Where(s => ids.Contains(s.UnitId) && s.EffectiveFrom <= day).ToListAsync(ct);
        return rows.OrderByDescending(s => ids.IndexOf(s.UnitId)).ThenByDescending(s => s.EffectiveFrom).FirstOrDefault()
            ?? new RegistrySetting { UnitId = unit.Id, EffectiveFrom = DateOnly.MinValue };
    }

    /// <summary>Sets the delegation threshold and retention for a scope unit from a day on, audited.</summary>
    /// <exception cref="RefusedException">A threshold below 2 or a retention below 1 year.</exception>
    public static async Task SetAsync(DanVanDbContext db, OrgUnit unit, DateOnly from, int threshold, int retentionYears, string user, DateTime at, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        var refusals = new List<Refusal>();
        if (threshold < 2) refusals.Add(Refusal.Of("registries.thresholdTooSmall", Where.AtField("delegationThreshold"), ("threshold", threshold)));
        if (retentionYears < 1) refusals.Add(Refusal.Of("registries.retentionTooShort", Where.AtField("retentionYears"), ("years", retentionYears)));
        if (refusals.Count > 0) throw new RefusedException(refusals);
        var row = await db.RegistrySettings.FirstOrDefaultAsync(s => s.UnitId == unit.Id && s.EffectiveFrom == from, ct);
        var old = row is null ? null : $"{row.DelegationThreshold} người; {row.RetentionYears} năm";
        if (row is null) db.RegistrySettings.Add(row = new RegistrySetting { UnitId = unit.Id, EffectiveFrom = from });
        (row.DelegationThreshold, row.RetentionYears) = (threshold, retentionYears);
        AuditTrail.Record(db, new AuditLine(user, at, "registries.settings", AuditSubject.Named("OrgUnit", unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            Old = old,
            New = $"từ {from:dd/MM/yyyy}: {threshold} người; {retentionYears} năm",
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The ids on a path, top first.</summary>
    public static List<int> Ancestors(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
