using DanVan.Reports;
using DanVan.Reports.Templates;

namespace DanVan.Web.Pages.Reports;

/// <summary>A report template as the page's form holds it: lists as one line each, sections as rows.</summary>
/// <remarks>The form only reshapes text; every rule is <see cref="ReportTemplateFile.Check"/>'s.</remarks>
public sealed class TemplateForm
{
    /// <summary>The template's name.</summary>
    public string? Name { get; set; }

    /// <summary>Kind of report.</summary>
    public ReportKind Kind { get; set; }

    /// <summary>Governing body over the issuer; blank: from the hierarchy.</summary>
    public string? GoverningBody { get; set; }

    /// <summary>Issuing body, one line per line; blank: from the unit's official name.</summary>
    public string? Issuer { get; set; }

    /// <summary>Symbol after the number.</summary>
    public string? Symbol { get; set; }

    /// <summary>Place of the place-and-date line.</summary>
    public string? Place { get; set; }

    /// <summary>Summary under "BÁO CÁO", with {year}.</summary>
    public string? Summary { get; set; }

    /// <summary>Authority lines, one per line.</summary>
    public string? SignerAuthority { get; set; }

    /// <summary>The signer's position.</summary>
    public string? SignerPosition { get; set; }

    /// <summary>The signer's name.</summary>
    public string? SignerName { get; set; }

    /// <summary>Recipients, one per line.</summary>
    public string? Recipients { get; set; }

    /// <summary>Sections with at most this many units name them.</summary>
    public int NamedListThreshold { get; set; } = 10;

    /// <summary>Strongest and weakest criteria named.</summary>
    public int TopCriteria { get; set; } = 3;

    /// <summary>The sections; a row left blank is dropped.</summary>
    public List<SectionRow> Sections { get; set; } = [];

    /// <summary>Phrase: nobody took part.</summary>
    public string? NoneEvaluated { get; set; }

    /// <summary>Phrase: did not evaluate.</summary>
    public string? NotEvaluated { get; set; }

    /// <summary>Phrase: evaluated only the members.</summary>
    public string? OnlyMembers { get; set; }

    /// <summary>Phrase: returned for completion.</summary>
    public string? Returned { get; set; }

    /// <summary>Phrase: not submitted yet, deadline not passed.</summary>
    public string? NotYetSubmitted { get; set; }

    /// <summary>Phrase: shares counting self-claimed classes.</summary>
    public string? SelfClaimedShare { get; set; }

    /// <summary>Include the registries' figures.</summary>
    public bool IncludeRegistries { get; set; } = true;

    /// <summary>Include the statistics appendix.</summary>
    public bool IncludeStatistics { get; set; } = true;

    /// <summary>Include the criteria analysis.</summary>
    public bool IncludeCriteria { get; set; } = true;

    /// <summary>Include self-assessment against appraisal.</summary>
    public bool IncludeSelfAssessment { get; set; } = true;

    /// <summary>Include charts.</summary>
    public bool IncludeCharts { get; set; } = true;

    /// <summary>The scope's latest version when the form was opened (0: none yet).</summary>
    public int Version { get; set; }

    /// <summary>One section row.</summary>
    public sealed class SectionRow
    {
        /// <summary>"Cấp xã".</summary>
        public string? Title { get; set; }

        /// <summary>How classes are written.</summary>
        public SectionStyle Style { get; set; }

        /// <summary>One group per line: "mã nhóm | danh từ" and, for voluntary groups, "| tự nguyện".</summary>
        public string? Parts { get; set; }

        /// <summary>Noun after counts.</summary>
        public string? CountNoun { get; set; }

        /// <summary>Noun of "Các … còn lại".</summary>
        public string? RestNoun { get; set; }

        /// <summary>The units' level.</summary>
        public string? OwnLevel { get; set; }

        /// <summary>Their members' level.</summary>
        public string? MemberLevel { get; set; }

        /// <summary>True when nothing was typed in the row.</summary>
        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Parts);
    }

    /// <summary>The word marking a voluntary group in a parts line.</summary>
    public const string Voluntary = "tự nguyện";

    /// <summary>The template the form describes.</summary>
    public ReportTemplate ToTemplate()
    {
        var standard = new ReportSection("", []);
        var phrases = new ResultPhrases();
        return new ReportTemplate
        {
            FormatVersion = 1,
            Name = Name?.Trim() ?? "",
            Kind = Kind,
            Header = new TemplateHeader { GoverningBody = Blank(GoverningBody), Issuer = Blank(Issuer)?.Replace("\r\n", "\n", StringComparison.Ordinal), Symbol = Blank(Symbol), Place = Blank(Place) },
            Summary = Blank(Summary),
            Signer = new TemplateSigner { Authority = Lines(SignerAuthority), Position = Blank(SignerPosition), Name = Blank(SignerName) },
            Recipients = Lines(Recipients),
            Results = new ReportOptions
            {
                NamedListThreshold = NamedListThreshold,
                TopCriteria = TopCriteria,
                Sections = Sections.Where(s => !s.IsBlank).Select(s => new ReportSection(s.Title?.Trim() ?? "",
                    Lines(s.Parts).Select(Part).ToList(), s.Style,
                    s.CountNoun?.Trim() ?? standard.CountNoun, s.RestNoun?.Trim() ?? standard.RestNoun,
                    s.OwnLevel?.Trim() ?? standard.OwnLevel, s.MemberLevel?.Trim() ?? standard.MemberLevel)).ToList(),
                Phrases = new ResultPhrases
                {
                    NoneEvaluated = NoneEvaluated?.Trim() ?? phrases.NoneEvaluated,
                    NotEvaluated = NotEvaluated?.Trim() ?? phrases.NotEvaluated,
                    OnlyMembers = OnlyMembers?.Trim() ?? phrases.OnlyMembers,
                    Returned = Returned?.Trim() ?? phrases.Returned,
                    NotYetSubmitted = NotYetSubmitted?.Trim() ?? phrases.NotYetSubmitted,
                    SelfClaimedShare = SelfClaimedShare?.Trim() ?? phrases.SelfClaimedShare,
                },
            },
            Include = new TemplateContents
            {
                Registries = IncludeRegistries, StatisticsAppendix = IncludeStatistics, CriteriaAnalysis = IncludeCriteria,
                SelfAssessment = IncludeSelfAssessment, Charts = IncludeCharts,
            },
        };
    }

    /// <summary>The form filled from a template, with one blank section row to add a section.</summary>
    public static TemplateForm From(ReportTemplate t, int version)
    {
        ArgumentNullException.ThrowIfNull(t);
        var p = t.Results.Phrases;
        var form = new TemplateForm
        {
            Name = t.Name, Kind = t.Kind,
            GoverningBody = t.Header.GoverningBody, Issuer = t.Header.Issuer, Symbol = t.Header.Symbol, Place = t.Header.Place,
            Summary = t.Summary,
            SignerAuthority = string.Join('\n', t.Signer.Authority), SignerPosition = t.Signer.Position, SignerName = t.Signer.Name,
            Recipients = string.Join('\n', t.Recipients),
            NamedListThreshold = t.Results.NamedListThreshold, TopCriteria = t.Results.TopCriteria,
            NoneEvaluated = p.NoneEvaluated, NotEvaluated = p.NotEvaluated, OnlyMembers = p.OnlyMembers, Returned = p.Returned,
            NotYetSubmitted = p.NotYetSubmitted, SelfClaimedShare = p.SelfClaimedShare,
            IncludeRegistries = t.Include.Registries, IncludeStatistics = t.Include.StatisticsAppendix, IncludeCriteria = t.Include.CriteriaAnalysis,
            IncludeSelfAssessment = t.Include.SelfAssessment, IncludeCharts = t.Include.Charts,
            Version = version,
        };
        form.Sections = t.Results.Sections.Select(s => new SectionRow
        {
            Title = s.Title, Style = s.Style, CountNoun = s.CountNoun, RestNoun = s.RestNoun, OwnLevel = s.OwnLevel, MemberLevel = s.MemberLevel,
            Parts = string.Join('\n', s.Parts.Select(x => $"{x.GroupCode} | {x.Noun}" + (x.ShowTotal ? "" : $" | {Voluntary}"))),
        }).Append(new SectionRow { CountNoun = "cơ quan, đơn vị", RestNoun = "đơn vị", OwnLevel = "cấp huyện", MemberLevel = "cấp xã" }).ToList();
        return form;
    }

    private static ReportPart Part(string line)
    {
        var cells = line.Split('|', StringSplitOptions.TrimEntries);
        var voluntary = cells.Length > 2 && string.Equals(cells[2], Voluntary, StringComparison.OrdinalIgnoreCase);
        return new ReportPart(cells[0], cells.Length > 1 ? cells[1] : "", ShowTotal: !voluntary);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
}
