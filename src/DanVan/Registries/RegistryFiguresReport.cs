using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Statistics;

namespace DanVan.Registries;

/// <summary>A scope's registry figures for a period, the same period a year before, and the report's sentences.</summary>
/// <param name="Figures">Every registry figure, by code.</param>
/// <param name="YearBefore">The same figures a year before.</param>
/// <param name="Receptions">The reception log's figures.</param>
/// <param name="ReceptionsYearBefore">The same a year before.</param>
/// <param name="Petitions">The petitions' figures.</param>
/// <param name="Paragraph">The sentences (002's by kind, then 003's summary).</param>
public sealed record RegistryFiguresReport(
    IReadOnlyDictionary<string, IndicatorValue> Figures, IReadOnlyDictionary<string, IndicatorValue> YearBefore,
    ReceptionFigures Receptions, ReceptionFigures ReceptionsYearBefore, PetitionFigures Petitions, IReadOnlyList<string> Paragraph)
{
    /// <summary>Builds it for <paramref name="unit"/> and every unit below, from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static async Task<RegistryFiguresReport> BuildAsync(DanVanDbContext db, OrgUnit unit, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var scope = new FigureScope(unit.Path, true, from, to);
        var figures = await RegistryFigures.ComputeAsync(db, scope, null, ct);
        var before = await RegistryFigures.ComputeAsync(db, scope.YearBefore(), null, ct);
        var receptions = await CitizenFigures.ReceptionsAsync(db, scope, ct);
        var receptionsBefore = await CitizenFigures.ReceptionsAsync(db, scope.YearBefore(), ct);
        var petitions = await CitizenFigures.PetitionsAsync(db, scope, ct);
        var threshold = (await RegistrySettings.ForAsync(db, unit, from, ct)).DelegationThreshold;
        var paragraph = CitizenParagraphs.ByKind(receptions, threshold).ToList();
        paragraph.Add(CitizenParagraphs.Summary(receptions, receptionsBefore.Total.Visits > 0 ? receptionsBefore : null, from.Year - 1, petitions));
        return new RegistryFiguresReport(figures, before, receptions, receptionsBefore, petitions, paragraph);
    }
}
