using DanVan.OrgUnits;
using DanVan.Periods;

namespace DanVan.Statistics;

/// <summary>A round of a statistics form (kỳ báo cáo số liệu) opened for a scope: one form version, one reporting period.</summary>
public sealed class FormPeriod
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The form version filled.</summary>
    public int FormId { get; set; }

    /// <summary>The form version.</summary>
    public StoredForm? Form { get; set; }

    /// <summary>Kind of reporting period (the form's).</summary>
    public PeriodKind Kind { get; set; }

    /// <summary>Year of the reporting period.</summary>
    public int Year { get; set; }

    /// <summary>Number within the year.</summary>
    public int Number { get; set; } = 1;

    /// <summary>First day of the data window.</summary>
    public DateOnly WindowFrom { get; set; }

    /// <summary>Last day of the data window.</summary>
    public DateOnly WindowTo { get; set; }

    /// <summary>The reporting period.</summary>
    public ReportingPeriod Reporting
    {
        get => new(Kind, Year, Number, WindowFrom, WindowTo);
        set => (Kind, Year, Number, WindowFrom, WindowTo) = (value.Kind, value.Year, value.Number, value.From, value.To);
    }

    /// <summary>Name, e.g. "Phụ lục số liệu năm 2018".</summary>
    public required string Name { get; set; }

    /// <summary>The unit whose coordinators run it.</summary>
    public int ScopeUnitId { get; set; }

    /// <summary>The scope unit.</summary>
    public OrgUnit? ScopeUnit { get; set; }

    /// <summary>First day units can enter figures.</summary>
    public DateOnly OpensOn { get; set; }

    /// <summary>Last day for a level the form sets no deadline for.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>Deadline per level (communes first, districts later, the province last), from the form's days after the window.</summary>
    public List<LevelDeadline> LevelDeadlines { get; set; } = [];

    /// <summary>When true a late submission is accepted and marked late; otherwise refused.</summary>
    public bool AcceptLate { get; set; } = true;

    /// <summary>One report per unit that owes the form.</summary>
    public List<FormReport> Reports { get; } = [];

    /// <summary>The deadline of a unit of <paramref name="level"/>.</summary>
    public DateOnly DeadlineFor(OrgUnitKind? level) => Deadlines.For(Deadline, LevelDeadlines, level);
}
