using DanVan.Evaluations;
using DanVan.Data;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>The append-only audit trail of one assessment, optionally of one criterion: who, when, what, old → new, why.</summary>
[Scoped(ScopeTarget.Assessment, EvaluationPermissions.Read)]
public sealed class Audit(DanVanDbContext db) : PageModel
{
    /// <summary>The assessment.</summary>
    public AssessmentSheet Sheet { get; private set; } = null!;

    /// <summary>The criterion filtered on, if any.</summary>
    public string? Criterion { get; private set; }

    /// <summary>The lines, oldest first.</summary>
    public IReadOnlyList<Line> Lines { get; private set; } = [];

    /// <summary>One audit line.</summary>
    public sealed record Line(long Id, DateTime At, string User, string Action, string? CriterionId, string? OldValue, string? NewValue, string? Reason);

    /// <summary>The accounts in the trail as people read them.</summary>
    public PeopleNames People { get; private set; } = PeopleNames.None;

    /// <summary>"Trần Thị Thu Hà (coord)": people read names, the user name tells two namesakes apart.</summary>
    public string Who(string user) => People.Who(user);

    /// <summary>A value of a line as people read it: a status in words, a checklist's checked items by their names
    /// ("đạt: Ban hành quy chế, Niêm yết công khai"; the trail stores their ids).</summary>
    public string Value(Line line, string value)
    {
        const string Checked = "đạt: ";
        if (line.CriterionId is { } id && value.StartsWith(Checked, StringComparison.Ordinal)
            && Sheet.Set.FindCriterion(id)?.Method is { Type: DanVan.Criteria.ScoringMethodType.Checklist } method)
        {
            var names = value[Checked.Length..].Split(", ").Select(item => method.Items.FirstOrDefault(i => i.Id == item)?.Label ?? item);
            return Checked + string.Join(", ", names);
        }
        return Labels.AuditValue(value);
    }

    /// <summary>Shows the trail.</summary>
    public async Task<IActionResult> OnGetAsync(int id, string? criterion)
    {
        var sheet = await AssessmentSheet.LoadAsync(db, id);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        Criterion = string.IsNullOrWhiteSpace(criterion) ? null : criterion;
        var query = db.Audit.AsNoTracking().Where(a => a.AssessmentId == id);
        if (Criterion is not null) query = query.Where(a => a.CriterionId == Criterion);
        Lines = await query.OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new Line(a.Id, a.At, a.User, a.Action, a.CriterionId, a.OldValue, a.NewValue, a.Reason)).ToListAsync();
        People = await PeopleNames.LoadAsync(db, Lines.Select(l => l.User));
        return Page();
    }
}
