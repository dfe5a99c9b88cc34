using DanVan.Audit;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Registries;

/// <summary>The rules shared by receptions and petitions: dates, citizens, summary; and the one way both are saved.</summary>
internal static class CitizenRecords
{
    /// <summary>Longest name, address or phone.</summary>
    public const int MaxShortText = 400;

    /// <summary>The date: given, not in the future, not before the unit existed.</summary>
    public static void CheckDate(List<Refusal> refusals, DateOnly? date, OrgUnit unit, DateOnly today, FieldLocator at, string field)
    {
        if (date is not { } d) refusals.Add(Refusal.Of("request.required", at(field), ("field", field)));
        else if (d > today) refusals.Add(Refusal.Of("registries.dateInFuture", at(field), ("date", d), ("today", today)));
        else if (unit.ValidFrom is { } from && d < from)
            refusals.Add(Refusal.Of("registries.beforeUnitExisted", at(field), ("date", d), ("unit", unit.Name), ("from", from)));
    }

    /// <summary>Citizens: an ID number of 9 or 12 digits (never echoed back), texts within their limits; the count at least those named.</summary>
    public static void CheckCitizens(List<Refusal> refusals, IReadOnlyList<CitizenInput> citizens, int? count, FieldLocator at, string list, string countField)
    {
        for (var i = 0; i < citizens.Count; i++)
        {
            var c = citizens[i];
            var prefix = $"{list}[{i + 1}].";
            if (c.IdNumber is { } id && !string.IsNullOrWhiteSpace(id) && !PersonalDataProtector.IsWellFormed(id.Trim()))
                refusals.Add(Refusal.Of("registries.idNumberShape", at(prefix + "idNumber"), ("position", i + 1)));
            if (c.Phone is { } phone && !string.IsNullOrWhiteSpace(phone) && PersonalDataProtector.Digits(phone) is not { Length: >= 9 and <= 12 })
                refusals.Add(Refusal.Of("registries.phoneShape", at(prefix + "phone"), ("position", i + 1)));
            foreach (var (field, text) in new[] { ("name", c.Name), ("address", c.Address) })
                if (TextLimit.Check(text, at(prefix + field), field, MaxShortText) is { } tooLong) refusals.Add(tooLong);
        }
        var named = citizens.Count(c => !string.IsNullOrWhiteSpace(c.Name));
        if (count is { } n && (n < 1 || n < named))
            refusals.Add(Refusal.Of("registries.countTooSmall", at(countField), ("count", n), ("named", Math.Max(1, named))));
    }

    /// <summary>The summary: given and within the limit.</summary>
    public static void CheckSummary(List<Refusal> refusals, string? summary, FieldLocator at)
    {
        if (string.IsNullOrWhiteSpace(summary)) refusals.Add(Refusal.Of("request.required", at("summary"), ("field", "summary")));
        else if (TextLimit.Check(summary, at("summary"), "summary") is { } tooLong) refusals.Add(tooLong);
    }

    /// <summary>A word of a list, or a refusal at its field.</summary>
    public static T? Term<T>(List<Refusal> refusals, string? text, FieldLocator at, string field, bool required = true) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) refusals.Add(Refusal.Of("request.required", at(field), ("field", field)));
            return null;
        }
        try
        {
            return RegistryTerms.Parse<T>(text, at(field), field);
        }
        catch (RefusedException e)
        {
            refusals.AddRange(e.Refusals);
            return null;
        }
    }

    /// <summary>Replaces the record's citizens by the input's, the ID number encrypted and hashed.</summary>
    public static void SetCitizens(CitizenRecord record, IReadOnlyList<CitizenInput> citizens, PersonalDataProtector protector)
    {
        record.Citizens.Clear();
        var position = 0;
        foreach (var c in citizens.Where(c => !IsEmpty(c)))
        {
            var digits = PersonalDataProtector.Digits(c.IdNumber);
            record.Citizens.Add(new Citizen
            {
                Position = ++position,
                Name = Clean(c.Name),
                IdNumberCipher = digits is null ? null : protector.Encrypt(digits),
                IdNumberHash = digits is null ? null : protector.Hash(digits),
                Address = Clean(c.Address),
                Phone = Clean(c.Phone),
            });
        }
    }

    /// <summary>True for a row with nothing typed.</summary>
    public static bool IsEmpty(CitizenInput c) =>
        string.IsNullOrWhiteSpace(c.Name) && string.IsNullOrWhiteSpace(c.IdNumber) && string.IsNullOrWhiteSpace(c.Address) && string.IsNullOrWhiteSpace(c.Phone);

    /// <summary>Trimmed text, or null.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The case named exists and is readable in the unit's province; refused otherwise (never told apart: no leak).</summary>
    public static async Task CheckCaseAsync(DanVanDbContext db, List<Refusal> refusals, int? caseId, OrgUnit unit, FieldLocator at, CancellationToken ct)
    {
        if (caseId is not { } id) return;
        var province = UnitPaths.Root(unit.Path);
        var ok = await db.CitizenCases.AnyAsync(c => c.Id == id && c.Unit!.Path.StartsWith(province), ct);
        if (!ok) refusals.Add(Refusal.Of("registries.unknownCase", at("caseId"), ("case", id)));
    }

    /// <summary>Saves one record's change with its audit line; a concurrent change refuses with the stale version.</summary>
    public static async Task SaveAsync(DanVanDbContext db, CitizenRecord record, AuditLine line, CancellationToken ct)
    {
        AuditTrail.Record(db, line);
        await SaveRefusingStaleAsync(db, record.Version - 1, ct);
    }

    /// <summary>Saves; another person's change saved first (the version no longer matches) refuses with <c>registries.staleVersion</c>.</summary>
    public static async Task SaveRefusingStaleAsync(DanVanDbContext db, int versionRead, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RefusedException("registries.staleVersion", Where.Request, ("version", versionRead));
        }
    }

    /// <summary>A stale version refusal when the expected version is not the stored one.</summary>
    public static void CheckVersion(List<Refusal> refusals, int? expected, int stored)
    {
        if (expected is { } v && v != stored) refusals.Add(Refusal.Of("registries.staleVersion", Where.Request, ("version", v), ("current", stored)));
    }
}
