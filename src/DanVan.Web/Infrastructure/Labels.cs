using System.Globalization;
using DanVan.Accounts;
using DanVan.Criteria;
using DanVan.Evaluations;
using DanVan.OrgUnits;
using DanVan.Web.Resources;

namespace DanVan.Web.Infrastructure;

/// <summary>Vietnamese labels of enums and audit actions, from the resource file (keys "Status_Draft", "Role_Viewer", ...).</summary>
public static class Labels
{
    /// <summary>Label of a status.</summary>
    public static string Of(AssessmentStatus status) => Get($"Status_{status}", status.ToString());

    /// <summary>Label of a role.</summary>
    public static string Of(Role role) => Get($"Role_{role}", role.ToString());

    /// <summary>Label of a unit kind.</summary>
    public static string Of(OrgUnitKind kind) => Get($"Kind_{kind}", kind.ToString());

    /// <summary>Label of a scoring method.</summary>
    public static string Of(ScoringMethodType method) => Get($"Method_{method}", method.ToString());

    /// <summary>Label of an obligation's state.</summary>
    public static string Of(DanVan.Periods.ObligationState state) => Get($"Obligation_{state}", state.ToString());

    /// <summary>Label of an obligation's kind.</summary>
    public static string Of(DanVan.Periods.ObligationKind kind) => Get($"ObligationKind_{kind}", kind.ToString());

    /// <summary>Label of a council's consensus rule.</summary>
    public static string Of(DanVan.Evaluations.Council.ConsensusRule rule) => Get($"Rule_{rule}", rule.ToString());

    /// <summary>Label of an evidence file type.</summary>
    public static string Of(EvidenceFileType type) => type.ToString().ToUpperInvariant();

    /// <summary>Label of an audit action ("entry.self" → "Tự chấm điểm").</summary>
    public static string Action(string action) => Get("Audit_" + action.Replace('.', '_').Replace('-', '_'), action);

    /// <summary>A stored status name in the audit trail ("Submitted" → "Đã nộp"); other values as they are.</summary>
    public static string AuditValue(string? value) =>
        value is not null && Enum.TryParse<AssessmentStatus>(value, out var s) && Enum.IsDefined(s) && !int.TryParse(value, out _) ? Of(s) : value ?? "";

    /// <summary>CSS class of a status badge.</summary>
    public static string Css(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Returned => "returned",
        AssessmentStatus.Approved => "approved",
        AssessmentStatus.Submitted or AssessmentStatus.Appraised => "submitted",
        _ => "",
    };

    /// <summary>A resource text by key (for keys built from values, e.g. "CriteriaOutcome_Created").</summary>
    public static string Resource(string key) => Get(key, key);

    private static string Get(string key, string fallback) =>
        UiText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture) ?? fallback;
}
