using NCalc;
using NCalc.Exceptions;

namespace DanVan.Statistics;

/// <summary>
/// A formula or rule over indicator codes, evaluated with NCalc in decimal arithmetic. A ratio indicator <c>x</c>
/// appears as <c>x_n</c> and <c>x_N</c> (its two parts) besides <c>x</c> (n ÷ N); yes/no as true/false.
/// </summary>
public sealed class Formula
{
    /// <summary>Suffix naming a ratio's part (n) in formulas.</summary>
    public const string PartSuffix = "_n";

    /// <summary>Suffix naming a ratio's whole (N) in formulas.</summary>
    public const string WholeSuffix = "_N";

    private readonly string text;

    private Formula(string text, IReadOnlyList<string> names)
    {
        this.text = text;
        Names = names;
    }

    /// <summary>The names the formula uses, as written (indicator codes, possibly with a ratio suffix).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Parses <paramref name="text"/>; null when it is not a valid expression.</summary>
    public static Formula? TryParse(string text)
    {
        try
        {
            var expression = new Expression(text, ExpressionOptions.DecimalAsDefault);
            if (expression.HasErrors()) return null;
            return new Formula(text, [.. expression.GetParameterNames().Distinct(StringComparer.Ordinal)]);
        }
        catch (NCalcException)
        {
            return null;
        }
    }

    /// <summary>The indicator code a formula name refers to (<c>x_n</c> → <c>x</c> when <c>x</c> is a ratio).</summary>
    public static string IndicatorOf(string name, Func<string, bool> isRatio)
    {
        foreach (var suffix in new[] { PartSuffix, WholeSuffix })
            if (name.EndsWith(suffix, StringComparison.Ordinal) && isRatio(name[..^suffix.Length])) return name[..^suffix.Length];
        return name;
    }

    /// <summary>
    /// The value with <paramref name="values"/> bound; null when a name has no value, a division by zero occurs,
    /// or the result is not a number or a truth value.
    /// </summary>
    public object? Evaluate(IReadOnlyDictionary<string, IndicatorValue> values)
    {
        var expression = new Expression(text, ExpressionOptions.DecimalAsDefault);
        foreach (var name in Names)
        {
            var bound = Bind(name, values);
            if (bound is null) return null;
            expression.Parameters[name] = bound;
        }
        try
        {
            return expression.Evaluate() switch
            {
                bool b => b,
                decimal d => d,
                int i => (decimal)i,
                long l => (decimal)l,
                double x when double.IsFinite(x) => (decimal)x,
                _ => null,
            };
        }
        catch (Exception ex) when (ex is DivideByZeroException or OverflowException or NCalcException or InvalidOperationException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private static object? Bind(string name, IReadOnlyDictionary<string, IndicatorValue> values)
    {
        if (values.TryGetValue(name, out var direct))
        {
            return direct switch
            {
                NumberValue n => n.Value,
                RatioValue r => r.Whole == 0 ? null : r.Part / r.Whole,
                YesNoValue y => y.Yes,
                _ => null,
            };
        }
        foreach (var (suffix, part) in new[] { (PartSuffix, true), (WholeSuffix, false) })
            if (name.EndsWith(suffix, StringComparison.Ordinal) && values.TryGetValue(name[..^suffix.Length], out var v) && v is RatioValue r)
                return part ? r.Part : r.Whole;
        return null;
    }
}
