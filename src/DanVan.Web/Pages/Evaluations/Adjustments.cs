using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.Web.Infrastructure;
using DanVan.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>The form shared by appraisal and inspection: per criterion a new value with a mandatory reason, or withdrawing one.</summary>
public sealed class AdjustmentInput
{
    /// <summary>The assessment's version when the form was built.</summary>
    public int Version { get; set; }

    /// <summary>One field per leaf criterion.</summary>
    public List<EntryField> Entries { get; set; } = [];

    /// <summary>The index of a criterion's field.</summary>
    public int IndexOf(string criterionId) => Entries.FindIndex(e => e.CriterionId == criterionId);
}

/// <summary>Reading and storing adjustments of one reviewer layer (appraisal or inspection), each with its reason and audit line.</summary>
public static class Adjustments
{
    /// <summary>The form filled with the layer's current adjustments.</summary>
    public static AdjustmentInput Form(AssessmentSheet sheet, ScoreLayer layer) => new()
    {
        Version = sheet.Version,
        Entries = sheet.Leaves(layer).Select(r => EntryField.From(r.Id, layer == ScoreLayer.Appraisal ? r.AppraisalEntry : r.InspectionEntry)).ToList(),
    };

    /// <summary>Checks every field (errors next to them) and, when all are right, stores the changed ones in one save.</summary>
    /// <returns>How many criteria changed, or null when nothing was stored.</returns>
    public static async Task<int?> ApplyAsync(DanVanDbContext db, AssessmentSheet sheet, AdjustmentInput data, ScoreLayer layer,
        ModelStateDictionary modelState, string user, DateTime at)
    {
        if (sheet.Version != data.Version) modelState.AddModelError("", UiText.ConcurrencyConflict);
        else if (sheet.Status is not (AssessmentStatus.Submitted or AssessmentStatus.Appraised)) modelState.AddModelError("", UiText.NotReviewable);

        var changes = new List<(string CriterionId, EntryInput? Input, string? Reason)>();
        foreach (var row in sheet.Leaves(layer))
        {
            var index = data.IndexOf(row.Id);
            if (index < 0) continue;
            var field = data.Entries[index];
            var prefix = $"Data.Entries[{index}]";
            var existing = layer == ScoreLayer.Appraisal ? row.AppraisalEntry : row.InspectionEntry;
            if (field.Withdraw)
            {
                if (existing is null) continue;
                if (string.IsNullOrWhiteSpace(field.Note)) modelState.AddModelError($"{prefix}.Note", UiText.WithdrawReasonRequired);
                else changes.Add((row.Id, null, field.Note.Trim()));
                continue;
            }

            var input = EntryFields.Read(field, row.Criterion, layer, prefix, (f, m) => modelState.AddModelError(f, m));
            if (input is not null && !EntryFields.Same(input, existing)) changes.Add((row.Id, input, input.Note));
        }
        if (!modelState.IsValid) return null;
        if (changes.Count == 0) return 0;

        var a = await db.Assessments.Include(x => x.Entries).SingleAsync(x => x.Id == sheet.Id);
        db.ExpectVersion(a, data.Version);
        try
        {
            foreach (var (criterionId, input, reason) in changes)
            {
                if (input is null) AssessmentEntries.Remove(db, a, criterionId, layer, reason, user, at);
                else AssessmentEntries.Set(db, a, sheet.Set, input, user, at);
            }
        }
        catch (RefusedInputException ex)
        {
            modelState.AddModelError("", UiText.EntryRefused + " " + string.Join("; ", ex.Problems));
            return null;
        }

        return await db.TrySaveAsync(modelState) ? changes.Count : null;
    }
}
