using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Registries;
using DanVan.Statistics;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Registries;

/// <summary>Logbook exports for the pages and the API alike: records of a unit and below that the user reads, citizens masked unless
/// the user may read them for that record's unit (and then every record exported in full is logged as read).</summary>
public static class RegistryFiles
{
    /// <summary>The file's bytes, media type and name.</summary>
    public static async Task<(byte[] Bytes, string Type, string Name)> ExportAsync(DanVanDbContext db, Permissions permissions, UserScope scope,
        PersonalDataProtector protector, RegistryBook book, OrgUnit unit, DateOnly? from, DateOnly? to, string? format, DateTime at, string path, CancellationToken ct)
    {
        var records = await RegistryWorkbook.LoadAsync(RegistriesAccess.Receptions(db, scope), RegistriesAccess.Petitions(db, scope), book, unit.Path, from, to, ct);
        var personal = records.Select(r => r.Unit!.Path).Distinct().ToDictionary(p => p, p => RegistriesAccess.MayReadPersonal(permissions, scope, p));
        await PersonalDataAccess.LogReadAsync(db, records.Where(r => personal[r.Unit!.Path]), scope.UserName, at, path, ct);
        var columns = RegistryWorkbook.Columns(book).Select(c => c.Header).ToList();
        var rows = RegistryWorkbook.Rows(records, r => personal[r.Unit!.Path], protector);
        using var ms = new MemoryStream();
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (csv) TableFile.WriteCsv(ms, columns, rows);
        else TableFile.WriteXlsx(ms, book == RegistryBook.Receptions ? "So tiep cong dan" : "So don thu", columns, rows);
        var name = $"{(book == RegistryBook.Receptions ? "so-tiep-cong-dan" : "so-don-thu")}-{unit.Code}{(csv ? ".csv" : ".xlsx")}";
        return (ms.ToArray(), csv ? "text/csv" : FormWorkbook.XlsxType, name);
    }
}
