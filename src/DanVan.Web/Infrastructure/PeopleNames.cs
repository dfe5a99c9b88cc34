using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Infrastructure;

/// <summary>
/// Who did something, as people read it: "Trần Thị Thu Hà (coord)" — the full name, and the user name that tells two namesakes
/// apart. A removed account, "cli" or an account without a full name keeps its user name.
/// </summary>
public sealed class PeopleNames
{
    private readonly IReadOnlyDictionary<string, string> _fullNames;

    private PeopleNames(IReadOnlyDictionary<string, string> fullNames) => _fullNames = fullNames;

    /// <summary>No names loaded: every user shows as its user name.</summary>
    public static PeopleNames None { get; } = new(new Dictionary<string, string>());

    /// <summary>The full names of <paramref name="users"/>, in one query.</summary>
    public static async Task<PeopleNames> LoadAsync(DanVanDbContext db, IEnumerable<string?> users, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        var wanted = users.Where(u => !string.IsNullOrEmpty(u)).Select(u => u!).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return None;
        return new(await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.FullName, ct));
    }

    /// <summary>"Trần Thị Thu Hà (coord)", or the user name alone; empty for nobody.</summary>
    public string Who(string? user) =>
        string.IsNullOrEmpty(user) ? "" : _fullNames.TryGetValue(user, out var name) && name.Length > 0 ? $"{name} ({user})" : user;
}
