using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Registries;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Reports;

/// <summary>The registries' part of a report (II.1): receptions and petitions, then models, plans and the Front's recommendations.</summary>
/// <remarks>Written from the registries the same way their own pages word them; a registry that holds nothing for the scope and
/// period adds nothing, so a province that keeps no logbook in DanVan gets no empty sentence.</remarks>
public static class RegistryParagraphs
{
    /// <summary>The blocks for <paramref name="scope"/> and every unit below, over the period's data window.</summary>
    public static async Task<IReadOnlyList<DocumentBlock>> LoadAsync(DanVanDbContext db, OrgUnit scope, DateOnly from, DateOnly to, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var blocks = new List<DocumentBlock>();
        var citizens = await RegistryFiguresReport.BuildAsync(db, scope, from, to, ct);
        if (citizens.Receptions.Total.Visits > 0 || citizens.Petitions.Received > 0)
        {
            blocks.Add(new ListItemBlock(ListMarker.Dash, ReportPhrases.ReceptionsLead));
            blocks.AddRange(citizens.Paragraph.Select(ReportDocuments.Line));
        }

        var range = new FigureScope(scope.Path, true, from, to);
        var models = await WorkFigures.ModelsAsync(db, range, ct);
        var recommendations = await WorkFigures.RecommendationsAsync(db, range, ct);
        var anyPlan = await db.WorkPlans.AnyAsync(p => p.Year == year && db.Units.Any(u => u.Id == p.UnitId && u.Path.StartsWith(scope.Path)), ct);
        var plans = anyPlan ? await WorkParagraphs.PlansAsync(db, scope, year, null, ct) : "";
        if (models.Total == 0 && recommendations.Received == 0 && !anyPlan) return blocks;

        var work = new List<DocumentBlock>();
        if (models.Total > 0)
        {
            var sentence = WorkParagraphs.Models(models);
            // As 003 writes it: the breakdown by field and level in a footnote behind the sentence.
            work.Add(new ParagraphBlock([new TextRun(sentence.Sentence) { Footnote = sentence.Footnote }]));
            work.Add(new ParagraphBlock(WorkParagraphs.Awards(models)));
        }
        if (plans.Length > 0) work.Add(new ParagraphBlock(plans));
        if (await WorkParagraphs.OwnDocumentsAsync(db, scope, year, ct) is { } own) work.Add(new ParagraphBlock(own));
        if (recommendations.Received > 0) work.Add(new ParagraphBlock(WorkParagraphs.Recommendations(recommendations, year)));
        // A lead with nothing under it says nothing: plans of units in no group are counted nowhere.
        if (work.Count == 0) return blocks;
        blocks.Add(new ListItemBlock(ListMarker.Dash, ReportPhrases.WorkLead));
        blocks.AddRange(work);
        return blocks;
    }
}
