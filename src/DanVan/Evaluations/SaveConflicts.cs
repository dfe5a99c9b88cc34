using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations;

/// <summary>Tells a save that lost a race with a concurrent one from a real failure.</summary>
public static class SaveConflicts
{
    /// <summary>
    /// True when the save lost a race: the version check failed, or a concurrent first write of the same row won
    /// (PostgreSQL raises a unique-key violation, SQLSTATE 23505, before the version check is reached).
    /// </summary>
    public static bool IsLostRace(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: DbException db } =>
            db.SqlState == "23505" || db.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal),
        _ => false,
    };
}
