using DanVan.OrgUnits;
using DanVan.Periods;

namespace DanVan.Statistics;

/// <summary>Where a unit's form stands; the same cycle as an evaluation.</summary>
public enum FormReportStatus
{
    /// <summary>Chưa nhập.</summary>
    NotStarted = 0,

    /// <summary>Đang soạn.</summary>
    Draft = 1,

    /// <summary>Thủ trưởng đã xác nhận.</summary>
    Confirmed = 2,

    /// <summary>Đã gửi.</summary>
    Submitted = 3,

    /// <summary>Trả lại để chỉnh sửa.</summary>
    Returned = 4,

    /// <summary>Đã tiếp nhận.</summary>
    Accepted = 5,
}

/// <summary>One unit's form for one period (báo cáo số liệu): its typed values, status and who did what.</summary>
public sealed class FormReport
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The period.</summary>
    public int PeriodId { get; set; }

    /// <summary>The period.</summary>
    public FormPeriod? Period { get; set; }

    /// <summary>The unit that owes it.</summary>
    public int UnitId { get; set; }

    /// <summary>The unit.</summary>
    public OrgUnit? Unit { get; set; }

    /// <summary>Status.</summary>
    public FormReportStatus Status { get; set; }

    /// <summary>Typed values (computed indicators are never stored).</summary>
    public List<FormReportValue> Values { get; } = [];

    /// <summary>Explanations of warning rules, by rule code, as JSON.</summary>
    public string Explanations { get; set; } = "{}";

    /// <summary>When the head confirmed (UTC).</summary>
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>Who confirmed.</summary>
    public string? ConfirmedBy { get; set; }

    /// <summary>When submitted (UTC).</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>Submitted after its deadline.</summary>
    public bool IsLate { get; set; }

    /// <summary>The coordinator's comment when returned.</summary>
    public string? ReturnComment { get; set; }

    /// <summary>When accepted (UTC).</summary>
    public DateTime? AcceptedAt { get; set; }

    /// <summary>Who accepted.</summary>
    public string? AcceptedBy { get; set; }

    /// <summary>A deadline a coordinator gave this unit instead of its level's.</summary>
    public DateOnly? ExtendedDeadline { get; set; }

    /// <summary>When last saved (UTC).</summary>
    public DateTime? UpdatedAt { get; set; }

    /// <summary>Concurrency token (the API's ETag), incremented on every save.</summary>
    public int Version { get; set; }

    /// <summary>True while the unit may change its figures.</summary>
    public bool IsEditable => Status is FormReportStatus.NotStarted or FormReportStatus.Draft or FormReportStatus.Confirmed or FormReportStatus.Returned;

    /// <summary>True once submitted or accepted: its figures count in aggregates.</summary>
    public bool Counts => Status is FormReportStatus.Submitted or FormReportStatus.Accepted;

    /// <summary>The unit's deadline: its extension, else its level's (period and unit loaded).</summary>
    public DateOnly Deadline => ExtendedDeadline ?? (Period ?? throw new InvalidOperationException("load the period")).DeadlineFor(Unit?.Kind);

    /// <summary>The typed values as the form's rules take them.</summary>
    public FormValues ToFormValues() =>
        new(Values.Where(v => v.ToValue() is not null).ToDictionary(v => v.Indicator, v => v.ToValue()!, StringComparer.Ordinal),
            System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(Explanations) ?? []);
}

/// <summary>One stored value: numbers are kept as whole ten-thousandths so sums are exact in SQL on both databases.</summary>
public sealed class FormReportValue
{
    /// <summary>Scale of <see cref="Number"/>: four decimals.</summary>
    public const decimal Scale = 10_000m;

    /// <summary>The report.</summary>
    public int ReportId { get; set; }

    /// <summary>Indicator code.</summary>
    public required string Indicator { get; set; }

    /// <summary>A number × <see cref="Scale"/>.</summary>
    public long? Number { get; set; }

    /// <summary>A ratio's n.</summary>
    public long? Part { get; set; }

    /// <summary>A ratio's N.</summary>
    public long? Whole { get; set; }

    /// <summary>Yes (1) or no (0).</summary>
    public bool? Flag { get; set; }

    /// <summary>A date.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>Text or a choice.</summary>
    public string? Text { get; set; }

    /// <summary>The value.</summary>
    public IndicatorValue? ToValue() =>
        Number is { } n ? new NumberValue(n / Scale)
        : Part is { } p && Whole is { } w ? new RatioValue(p, w)
        : Flag is { } f ? new YesNoValue(f)
        : Date is { } d ? new DateValue(d)
        : Text is { } t ? new TextValue(t)
        : null;

    /// <summary>Sets the columns from a value (the others cleared).</summary>
    public void Set(IndicatorValue value)
    {
        (Number, Part, Whole, Flag, Date, Text) = ((long?)null, (long?)null, (long?)null, (bool?)null, (DateOnly?)null, (string?)null);
        switch (value)
        {
            case NumberValue n: Number = (long)Math.Round(n.Value * Scale, MidpointRounding.AwayFromZero); break;
            case RatioValue r: (Part, Whole) = ((long)r.Part, (long)r.Whole); break;
            case YesNoValue y: Flag = y.Yes; break;
            case DateValue d: Date = d.Date; break;
            case TextValue t: Text = t.Text; break;
        }
    }
}
