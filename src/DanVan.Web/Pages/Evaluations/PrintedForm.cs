using DanVan.Evaluations;
using DanVan.OrgUnits;
using DanVan.Reports;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>An assessment sheet as the printable self-assessment form.</summary>
public static class PrintedForm
{
    /// <summary>The form of a sheet; <paramref name="units"/> gives the unit's parent and province.</summary>
    public static SelfAssessmentForm Of(AssessmentSheet sheet, IReadOnlyDictionary<int, OrgUnit> units)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(units);
        var unit = units[sheet.UnitId];
        var parent = unit.ParentId is { } p && units.TryGetValue(p, out var up) && unit.Kind is OrgUnitKind.Commune or OrgUnitKind.District ? up : null;
        var results = new List<SelfAssessmentResult> { new("Kết quả tự chấm", sheet.Self.Total, sheet.Self.MaxPoints, sheet.Self.BandLabel) };
        var appraised = sheet.Rows.Any(r => r.AppraisalEntry is not null || r.InspectionEntry is not null);
        if (sheet.Status == AssessmentStatus.Approved && sheet.FinalTotal is { } final)
            results.Add(new("Kết quả chính thức", final, sheet.Current.MaxPoints, sheet.BandLabel(sheet.FinalBand)));
        else if (appraised)
            results.Add(new("Kết quả sau thẩm định (tạm tính)", sheet.Current.Total, sheet.Current.MaxPoints, sheet.Current.BandLabel));
        return new SelfAssessmentForm
        {
            UnitName = sheet.UnitName,
            ParentName = parent?.Name,
            Place = Place(unit, units),
            PeriodName = sheet.PeriodName,
            GroupName = sheet.GroupName,
            Lines = sheet.Rows.Select(r => new SelfAssessmentLine(
                r.Id,
                r.Criterion.Name,
                r.Criterion.MaxPoints,
                r.SelfEntry is { } se ? EntryFields.Display(r.Criterion, se) : "",
                r.SelfEntry?.Note,
                Adjustment(r),
                r.Criterion.IsLeaf || r.Depth == 0 ? r.CurrentScore.Points : null)).ToList(),
            Results = results,
            Explanation = sheet.Current.Explanation,
            Date = sheet.ConfirmedAt is { } at ? DateOnly.FromDateTime(at) : null,
        };
    }

    private static string? Adjustment(SheetRow row)
    {
        var entry = row.InspectionEntry ?? row.AppraisalEntry;
        if (entry is null) return null;
        var value = EntryFields.Display(row.Criterion, entry);
        return string.IsNullOrWhiteSpace(entry.Note) ? value : $"{value} ({entry.Note.Trim()})";
    }

    /// <summary>The province's name without its kind, as the place-and-date line writes it.</summary>
    private static string Place(OrgUnit unit, IReadOnlyDictionary<int, OrgUnit> units)
    {
        var top = unit;
        while (top.Kind != OrgUnitKind.Province && top.ParentId is { } id && units.TryGetValue(id, out var parent)) top = parent;
        var name = top.ShortName ?? top.Name;
        foreach (var prefix in new[] { "UBND ", "Ủy ban nhân dân ", "tỉnh ", "Tỉnh ", "thành phố ", "TP " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal)) name = name[prefix.Length..];
        }
        return name.Trim().Length == 0 ? top.Name : name.Trim();
    }
}
