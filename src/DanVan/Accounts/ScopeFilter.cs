using System.Linq.Expressions;
using DanVan.OrgUnits;

namespace DanVan.Accounts;

/// <summary>A user's readable units as an expression the database runs: a prefix match per spreading role, an equality per unit role.</summary>
public static class ScopeFilter
{
    /// <summary>Units the user reads.</summary>
    public static Expression<Func<OrgUnit, bool>> Units(UserScope scope) => On<OrgUnit>(scope, u => u);

    /// <summary>Rows whose unit (reached by <paramref name="unit"/>, e.g. <c>a =&gt; a.Unit</c>) the user reads; joined in SQL.</summary>
    public static Expression<Func<T, bool>> On<T>(UserScope scope, Expression<Func<T, OrgUnit?>> unit)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(unit);
        var row = unit.Parameters[0];
        if (scope.IsAdministrator) return Expression.Lambda<Func<T, bool>>(Expression.Constant(true), row);
        var path = Expression.Property(unit.Body, nameof(OrgUnit.Path));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression? body = null;
        foreach (var (scopePath, spreads) in scope.Reaches().Distinct())
        {
            // A captured value, so EF sends a parameter rather than a literal (one cached plan per shape).
            var value = Expression.Property(Expression.Constant(new Box(scopePath)), nameof(Box.Value));
            Expression test = spreads ? Expression.Call(path, startsWith, value) : Expression.Equal(path, value);
            body = body is null ? test : Expression.OrElse(body, test);
        }
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), row);
    }

    private sealed class Box(string value)
    {
        public string Value { get; } = value;
    }
}
