using DanVan.Data;
using DanVan.Statistics;

namespace DanVan.Registries;

/// <summary>How a registry figure reads: a count, a ratio n/N (a rate), or yes/no.</summary>
public enum FigureShape
{
    /// <summary>A count (lượt, người, vụ việc, đơn, mô hình).</summary>
    Count = 1,

    /// <summary>A ratio n/N (a rate as a percentage where shown).</summary>
    Ratio = 2,

    /// <summary>Yes or no (a plan was issued).</summary>
    YesNo = 3,
}

/// <summary>A figure a registry computes for a unit (or a scope) over a date range; statistics indicators and criteria name it by code.</summary>
/// <param name="Code">Stable code, <c>registry.figure</c>, e.g. <c>receptions.visits</c>.</param>
/// <param name="Shape">How it reads.</param>
/// <param name="Unit">Unit of measure as reports write it (lượt, người, vụ việc, đơn).</param>
public sealed record RegistryFigure(string Code, FigureShape Shape, string Unit);

/// <summary>The units and days a figure covers: the unit alone, or the unit and every unit below it.</summary>
/// <param name="UnitPath">The unit's path.</param>
/// <param name="Below">True to include every unit below.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day (inclusive).</param>
public sealed record FigureScope(string UnitPath, bool Below, DateOnly From, DateOnly To)
{
    /// <summary>The same units a year earlier (so sánh cùng kỳ).</summary>
    public FigureScope YearBefore() => this with { From = From.AddYears(-1), To = To.AddYears(-1) };
}

/// <summary>One registry's figures.</summary>
public interface IRegistryFigureSource
{
    /// <summary>The figures it gives.</summary>
    IReadOnlyList<RegistryFigure> Figures { get; }

    /// <summary>All its figures for a scope, by code.</summary>
    Task<IReadOnlyDictionary<string, IndicatorValue>> ComputeAsync(DanVanDbContext db, FigureScope scope, CancellationToken ct = default);
}

/// <summary>Every registry's figures: the catalogue a form or a criteria file may name, and their computation.</summary>
public static class RegistryFigures
{
    /// <summary>The registries that give figures.</summary>
    public static IReadOnlyList<IRegistryFigureSource> Sources { get; } = [new CitizenFigures(), new WorkFigures()];

    /// <summary>Every figure, by code.</summary>
    public static IReadOnlyDictionary<string, RegistryFigure> Catalogue { get; } =
        Sources.SelectMany(s => s.Figures).ToDictionary(f => f.Code, StringComparer.Ordinal);

    /// <summary>True when <paramref name="code"/> names a figure.</summary>
    public static bool Knows(string? code) => code is not null && Catalogue.ContainsKey(code);

    /// <summary>The figures named by <paramref name="codes"/> (every figure when null) for a scope; only the sources needed run.</summary>
    public static async Task<IReadOnlyDictionary<string, IndicatorValue>> ComputeAsync(DanVanDbContext db, FigureScope scope, IReadOnlyCollection<string>? codes = null, CancellationToken ct = default)
    {
        var result = new Dictionary<string, IndicatorValue>(StringComparer.Ordinal);
        foreach (var source in Sources)
        {
            if (codes is not null && !source.Figures.Any(f => codes.Contains(f.Code))) continue;
            foreach (var (code, value) in await source.ComputeAsync(db, scope, ct))
                if (codes is null || codes.Contains(code)) result[code] = value;
        }
        return result;
    }
}
