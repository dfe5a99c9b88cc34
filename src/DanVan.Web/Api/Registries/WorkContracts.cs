using DanVan.Registries;

namespace DanVan.Web.Api.Registries;

/// <summary>An award as answered.</summary>
/// <param name="Level">central, province, district, grassroots.</param>
/// <param name="Decision">Số quyết định.</param>
/// <param name="AwardedOn">Ngày quyết định.</param>
/// <param name="Recipient">collective or individual.</param>
public sealed record AwardView(string Level, string Decision, DateOnly AwardedOn, string Recipient);

/// <summary>A "Dân vận khéo" model as answered.</summary>
/// <param name="Id">Id.</param>
/// <param name="Unit">The keeping unit.</param>
/// <param name="ModelName">Tên mô hình.</param>
/// <param name="Owners">The units that built it, as registered.</param>
/// <param name="OwnersToday">The same units on today's hierarchy (successors of units that have ended).</param>
/// <param name="Field">Lĩnh vực.</param>
/// <param name="ModelLevel">Level at registration: province, district, grassroots.</param>
/// <param name="YearStarted">Năm bắt đầu.</param>
/// <param name="ModelStatus">maintained, replicated, stopped.</param>
/// <param name="PresentedNationally">Presented at a national conference.</param>
/// <param name="Documents">Document references, one a line.</param>
/// <param name="Awards">Awards.</param>
/// <param name="Version">Version for If-Match.</param>
public sealed record ModelView(int Id, UnitRef Unit, string ModelName, IReadOnlyList<UnitRef> Owners, IReadOnlyList<UnitRef> OwnersToday, string Field,
    string ModelLevel, int YearStarted, string ModelStatus, bool PresentedNationally, string? Documents, IReadOnlyList<AwardView> Awards, int Version)
{
    /// <summary>From the entity (owners and awards loaded).</summary>
    public static ModelView From(DanVanModel m, IReadOnlyList<DanVan.OrgUnits.OrgUnit> today) => new(m.Id, UnitRef.From(m.Unit!), m.Name,
        [.. m.Owners.Select(UnitRef.From)], [.. today.Select(UnitRef.From)], m.Field, RegistryTerms.Code(m.Level), m.YearStarted,
        RegistryTerms.Code(m.Status), m.PresentedNationally, m.Documents,
        [.. m.Awards.OrderBy(a => a.Position).Select(a => new AwardView(RegistryTerms.Code(a.Level), a.Decision, a.AwardedOn, RegistryTerms.Code(a.Recipient)))], m.Version);
}

/// <summary>A work plan as answered.</summary>
/// <param name="Id">Id.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Year">Năm.</param>
/// <param name="PlanKind">governmentMobilisation, grassrootsDemocracy, coordination.</param>
/// <param name="DocumentNumber">Số, ký hiệu.</param>
/// <param name="IssuedOn">Ngày ban hành.</param>
/// <param name="IssuedBy">Cơ quan ban hành.</param>
/// <param name="DueOn">Hạn ban hành.</param>
/// <param name="PlanTitle">Trích yếu.</param>
/// <param name="IssuedOnTime">Issued by the deadline.</param>
/// <param name="Version">Version for If-Match.</param>
public sealed record PlanView(int Id, UnitRef Unit, int Year, string PlanKind, string? DocumentNumber, DateOnly? IssuedOn, string? IssuedBy,
    DateOnly? DueOn, string? PlanTitle, bool IssuedOnTime, int Version)
{
    /// <summary>From the entity.</summary>
    public static PlanView From(WorkPlan p) => new(p.Id, UnitRef.From(p.Unit!), p.Year, RegistryTerms.Code(p.Kind), p.Number, p.IssuedOn, p.IssuedBy,
        p.DueOn, p.Title, p.IssuedOnTime, p.Version);
}

/// <summary>A recommendation of the Front as answered.</summary>
/// <param name="Id">Id.</param>
/// <param name="Unit">The unit it is addressed to.</param>
/// <param name="Issuer">Cơ quan kiến nghị.</param>
/// <param name="IssuerLevel">central, province, district, grassroots.</param>
/// <param name="Source">oversight or socialCriticism.</param>
/// <param name="Reference">Số văn bản.</param>
/// <param name="IssuedOn">Ngày kiến nghị.</param>
/// <param name="Topic">Chủ đề.</param>
/// <param name="Content">Nội dung.</param>
/// <param name="DueOn">Hạn trả lời.</param>
/// <param name="ResponseReference">Văn bản trả lời.</param>
/// <param name="RespondedOn">Ngày trả lời.</param>
/// <param name="RecommendationStatus">accepted, inProgress, resolved, notAccepted.</param>
/// <param name="Reason">Lý do không tiếp thu.</param>
/// <param name="AnsweredOnTime">Answered by the deadline.</param>
/// <param name="Version">Version for If-Match.</param>
public sealed record RecommendationView(int Id, UnitRef Unit, string Issuer, string IssuerLevel, string Source, string? Reference, DateOnly IssuedOn,
    string Topic, string? Content, DateOnly? DueOn, string? ResponseReference, DateOnly? RespondedOn, string RecommendationStatus, string? Reason,
    bool AnsweredOnTime, int Version)
{
    /// <summary>From the entity.</summary>
    public static RecommendationView From(FrontRecommendation r) => new(r.Id, UnitRef.From(r.Unit!), r.Issuer, RegistryTerms.Code(r.IssuerLevel),
        RegistryTerms.Code(r.Source), r.Reference, r.IssuedOn, r.Topic, r.Content, r.DueOn, r.ResponseReference, r.RespondedOn,
        RegistryTerms.Code(r.Status), r.Reason, r.AnsweredOnTime, r.Version);
}

/// <summary>A figure as answered: its code, shape, measure, value as JSON and as the reports write it.</summary>
/// <param name="Code">Catalogue code, e.g. models.count.</param>
/// <param name="Shape">count, ratio, yesNo.</param>
/// <param name="Unit">Unit of measure.</param>
/// <param name="Value">The value (a number, {part, whole} or a boolean).</param>
/// <param name="Text">As written in Vietnamese (1.016; 5/8; có).</param>
public sealed record WorkFigureView(string Code, string Shape, string Unit, object? Value, string Text);

/// <summary>The work registries' figures and report sentences for a scope and year.</summary>
/// <param name="Scope">The scope unit.</param>
/// <param name="Year">The year.</param>
/// <param name="Figures">Every figure of the catalogue's work registries.</param>
/// <param name="Paragraphs">The sentences in the reports' wording.</param>
public sealed record WorkFiguresView(UnitRef Scope, int Year, IReadOnlyList<WorkFigureView> Figures, WorkParagraphsView Paragraphs);

/// <summary>The report sentences.</summary>
/// <param name="Models">003's models sentence.</param>
/// <param name="ModelsFootnote">Its footnote by field and level.</param>
/// <param name="Awards">003's awards sentence.</param>
/// <param name="Plans">000's footnote on the plans issued in the year.</param>
/// <param name="Recommendations">The Front's recommendations: received, answered on time, resolved.</param>
public sealed record WorkParagraphsView(string Models, string? ModelsFootnote, string Awards, string Plans, string Recommendations);
