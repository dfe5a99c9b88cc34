namespace DanVan.Audit;

/// <summary>One appended line of the audit trail: who, when, what was done to which subject, old → new, why. Never edited.</summary>
/// <remarks>Written only through <see cref="AuditTrail.Record"/>, so every capability writes the same shape.</remarks>
public sealed class AuditEntry
{
    /// <summary>Database id.</summary>
    public long Id { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>User name, or "cli" for the command-line tool.</summary>
    public required string User { get; set; }

    /// <summary>What was done, e.g. "entry.self", "assessment.submit", "account.create".</summary>
    public required string Action { get; set; }

    /// <summary>The kind of thing changed, e.g. "Assessment", "OrgUnit", "AppUser" (see <see cref="AuditSubject"/>).</summary>
    public required string SubjectType { get; set; }

    /// <summary>The key of the thing changed; "*" for a change of many (an import).</summary>
    public string? SubjectId { get; set; }

    /// <summary>The assessment concerned, when the subject is one (kept for the per-criterion audit page).</summary>
    public int? AssessmentId { get; set; }

    /// <summary>The criterion concerned, when there is one.</summary>
    public string? CriterionId { get; set; }

    /// <summary>Value before.</summary>
    public string? OldValue { get; set; }

    /// <summary>Value after.</summary>
    public string? NewValue { get; set; }

    /// <summary>Reason given.</summary>
    public string? Reason { get; set; }

    /// <summary>The subject entity whose generated key is filled in when the change is saved (not stored).</summary>
    internal object? SubjectEntity { get; set; }
}
