namespace DanVan.Reports;

/// <summary>One assessment as a unit prints and signs it: the criteria with the self-scores, explanations, appraisal and points, totals and class.</summary>
public sealed record SelfAssessmentForm
{
    /// <summary>The unit, e.g. "UBND xã Sen Thủy".</summary>
    public required string UnitName { get; init; }

    /// <summary>The unit above, e.g. "UBND huyện Lệ Thủy"; null for none.</summary>
    public string? ParentName { get; init; }

    /// <summary>The place of the place-and-date line, e.g. "Quảng Bình".</summary>
    public required string Place { get; init; }

    /// <summary>The evaluation period, e.g. "Đánh giá công tác dân vận chính quyền năm 2018".</summary>
    public required string PeriodName { get; init; }

    /// <summary>The unit's group, e.g. "Cấp xã".</summary>
    public required string GroupName { get; init; }

    /// <summary>The criteria, in tree order.</summary>
    public required IReadOnlyList<SelfAssessmentLine> Lines { get; init; }

    /// <summary>The results to state under the table: self-assessed, after appraisal, final.</summary>
    public required IReadOnlyList<SelfAssessmentResult> Results { get; init; }

    /// <summary>How the total was computed, line by line.</summary>
    public IReadOnlyList<string> Explanation { get; init; } = [];

    /// <summary>Who confirmed the self-assessment (the unit head), signing the form; empty to sign by hand.</summary>
    public string SignerName { get; init; } = "";

    /// <summary>The day the unit head confirmed; null leaves the date blank.</summary>
    public DateOnly? Date { get; init; }
}

/// <summary>One criterion of the form.</summary>
/// <param name="Id">Its number, e.g. "2.1".</param>
/// <param name="Name">Its wording.</param>
/// <param name="MaxPoints">Its maximum; null for a criterion without one.</param>
/// <param name="Self">The unit's value as shown ("8", "Có"); empty when not entered.</param>
/// <param name="Explanation">The unit's explanation; null for none.</param>
/// <param name="Appraisal">The appraisal's value and reason; null when not appraised.</param>
/// <param name="Points">The points counted.</param>
public sealed record SelfAssessmentLine(string Id, string Name, decimal? MaxPoints, string Self, string? Explanation, string? Appraisal, decimal? Points);

/// <summary>A result line: "Tự chấm: 85,00/100 điểm — Hoàn thành tốt".</summary>
public sealed record SelfAssessmentResult(string Label, decimal Total, decimal MaxPoints, string ClassLabel);

/// <summary>Builds the printable self-assessment of one unit as an <see cref="OfficialDocument"/>, signed by "THỦ TRƯỞNG ĐƠN VỊ".</summary>
public static class SelfAssessmentDocument
{
    /// <summary>The signer's position on the form.</summary>
    public const string SignerPosition = "THỦ TRƯỞNG ĐƠN VỊ";

    /// <summary>The form as a document.</summary>
    public static OfficialDocument Build(SelfAssessmentForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var explained = form.Lines.Any(l => !string.IsNullOrWhiteSpace(l.Explanation));
        var appraised = form.Lines.Any(l => !string.IsNullOrWhiteSpace(l.Appraisal));
        var columns = new List<ReportColumn>
        {
            new("Tiêu chí"),
            new("Nội dung"),
            new("Điểm tối đa", ColumnKind.Decimal) { Decimals = 2 },
            new("Tự chấm"),
        };
        if (explained) columns.Add(new("Giải trình"));
        if (appraised) columns.Add(new("Thẩm định"));
        columns.Add(new("Điểm", ColumnKind.Decimal) { Decimals = 2 });
        var rows = form.Lines.Select(l =>
        {
            var cells = new List<object?> { l.Id, l.Name, l.MaxPoints, l.Self };
            if (explained) cells.Add(string.IsNullOrWhiteSpace(l.Explanation) ? null : l.Explanation.Trim());
            if (appraised) cells.Add(string.IsNullOrWhiteSpace(l.Appraisal) ? null : l.Appraisal.Trim());
            cells.Add(l.Points);
            return (IReadOnlyList<object?>)cells;
        }).ToList();

        var body = new List<DocumentBlock>
        {
            new ParagraphBlock([new TextRun("Đơn vị: "), new TextRun(form.UnitName, Bold: true), new TextRun($"; khối: {form.GroupName}.")]),
            new TableBlock(new ReportTable("Tự đánh giá", columns, rows)),
        };
        foreach (var result in form.Results)
        {
            body.Add(new ListItemBlock(ListMarker.Dash,
            [
                new TextRun($"{result.Label}: "),
                new TextRun($"{VietnameseFormat.Number(result.Total, 2)}/{VietnameseFormat.Number(result.MaxPoints, 2)} điểm", Bold: true),
                new TextRun(result.ClassLabel.Length == 0 ? "." : $"; xếp loại: {result.ClassLabel}."),
            ]));
        }
        if (form.Explanation.Count > 0)
        {
            body.Add(new ParagraphBlock([new TextRun("Cách tính:", Italic: true)]));
            body.AddRange(form.Explanation.Select(line => new ListItemBlock(ListMarker.Plus, line)));
        }

        return new OfficialDocument
        {
            Issuer = form.ParentName is null
                ? new IssuingBody(form.UnitName.ToUpperInvariant())
                : new IssuingBody(form.UnitName.ToUpperInvariant(), form.ParentName.ToUpperInvariant()),
            Number = ReportPhrases.NumberBlank + "/BC",
            Place = form.Place,
            Date = form.Date,
            DocumentType = "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
            Summary = form.PeriodName,
            Body = body,
            Recipients = ["Lưu: VT"],
            Signer = new Signer(SignerPosition, form.SignerName),
        };
    }
}
