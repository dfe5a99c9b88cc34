using DanVan.Registries;

namespace DanVan.Web.Registries;

/// <summary>One citizen's row of a form (a visitor, a petitioner).</summary>
public sealed class CitizenRow
{
    /// <summary>Họ và tên.</summary>
    public string? Name { get; set; }

    /// <summary>Số CMND/CCCD.</summary>
    public string? IdNumber { get; set; }

    /// <summary>Địa chỉ.</summary>
    public string? Address { get; set; }

    /// <summary>Số điện thoại.</summary>
    public string? Phone { get; set; }

    /// <summary>As the core reads it.</summary>
    public CitizenInput ToInput() => new(Name, IdNumber, Address, Phone);

    /// <summary>A stored citizen as shown to someone who may edit it (in full).</summary>
    public static CitizenRow Of(CitizenView c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new() { Name = c.Name, IdNumber = c.IdNumber, Address = c.Address, Phone = c.Phone };
    }
}

/// <summary>The reception form as posted.</summary>
public sealed class ReceptionForm
{
    /// <summary>The unit whose logbook it goes in (new receptions).</summary>
    public int? UnitId { get; set; }

    /// <summary>Ngày tiếp.</summary>
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>Địa điểm.</summary>
    public string? Place { get; set; }

    /// <summary>Hình thức tiếp (code).</summary>
    public string? Kind { get; set; }

    /// <summary>Người tiếp.</summary>
    public string? ReceivedByName { get; set; }

    /// <summary>Chức vụ.</summary>
    public string? ReceivedByPosition { get; set; }

    /// <summary>The head received in person.</summary>
    public bool ByHead { get; set; }

    /// <summary>Số người.</summary>
    public int? VisitorCount { get; set; }

    /// <summary>"" (by the province's threshold), "true" or "false".</summary>
    public string? IsDelegation { get; set; }

    /// <summary>The visitors named.</summary>
    public List<CitizenRow> Visitors { get; set; } = [];

    /// <summary>Nội dung.</summary>
    public string? Summary { get; set; }

    /// <summary>Lĩnh vực.</summary>
    public string? Field { get; set; }

    /// <summary>Loại vụ việc (code).</summary>
    public string? MatterKind { get; set; }

    /// <summary>Kết quả tiếp (code).</summary>
    public string? Outcome { get; set; }

    /// <summary>Vụ việc liên quan.</summary>
    public int? CaseId { get; set; }

    /// <summary>The version the form was built from.</summary>
    public int Version { get; set; }

    /// <summary>As the core reads it.</summary>
    public ReceptionInput ToInput() => new()
    {
        ReceivedOn = ReceivedOn, Place = Place, Kind = Kind, ReceivedByName = ReceivedByName, ReceivedByPosition = ReceivedByPosition,
        ByHead = ByHead, VisitorCount = VisitorCount, IsDelegation = bool.TryParse(IsDelegation, out var d) ? d : null,
        Visitors = Visitors.Select(v => v.ToInput()).ToList(), Summary = Summary, Field = Field, MatterKind = MatterKind, Outcome = Outcome,
        CaseId = CaseId,
    };

    /// <summary>A stored reception as its form.</summary>
    public static ReceptionForm Of(Reception r, IReadOnlyList<CitizenView> visitors)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new()
        {
            UnitId = r.UnitId, ReceivedOn = r.ReceivedOn, Place = r.Place, Kind = RegistryTerms.Code(r.Kind), ReceivedByName = r.ReceivedByName,
            ReceivedByPosition = r.ReceivedByPosition, ByHead = r.ByHead, VisitorCount = r.VisitorCount, IsDelegation = r.IsDelegation ? "true" : "false",
            Visitors = visitors.Select(CitizenRow.Of).ToList(), Summary = r.Summary, Field = r.Field, MatterKind = RegistryTerms.Code(r.MatterKind),
            Outcome = RegistryTerms.Code(r.Outcome), CaseId = r.CaseId, Version = r.Version,
        };
    }
}

/// <summary>The petition form as posted.</summary>
public sealed class PetitionForm
{
    /// <summary>The unit whose registry it goes in (new petitions).</summary>
    public int? UnitId { get; set; }

    /// <summary>Ngày nhận.</summary>
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>Nguồn đơn (code).</summary>
    public string? Channel { get; set; }

    /// <summary>Số người đứng đơn.</summary>
    public int? PetitionerCount { get; set; }

    /// <summary>The petitioners named.</summary>
    public List<CitizenRow> Petitioners { get; set; } = [];

    /// <summary>Loại đơn (code).</summary>
    public string? MatterKind { get; set; }

    /// <summary>Lĩnh vực.</summary>
    public string? Field { get; set; }

    /// <summary>Nội dung.</summary>
    public string? Summary { get; set; }

    /// <summary>Thuộc thẩm quyền.</summary>
    public bool WithinCompetence { get; set; }

    /// <summary>Vượt cấp.</summary>
    public bool Escalated { get; set; }

    /// <summary>Hướng xử lý (code).</summary>
    public string? Handling { get; set; }

    /// <summary>Ngày thụ lý.</summary>
    public DateOnly? AcceptedOn { get; set; }

    /// <summary>Ngày giải quyết xong.</summary>
    public DateOnly? ResolvedOn { get; set; }

    /// <summary>Kết quả.</summary>
    public string? Result { get; set; }

    /// <summary>Vụ việc liên quan.</summary>
    public int? CaseId { get; set; }

    /// <summary>The version the form was built from.</summary>
    public int Version { get; set; }

    /// <summary>As the core reads it.</summary>
    public PetitionInput ToInput() => new()
    {
        ReceivedOn = ReceivedOn, Channel = Channel, PetitionerCount = PetitionerCount, Petitioners = Petitioners.Select(p => p.ToInput()).ToList(),
        MatterKind = MatterKind, Field = Field, Summary = Summary, WithinCompetence = WithinCompetence, Escalated = Escalated, Handling = Handling,
        AcceptedOn = AcceptedOn, ResolvedOn = ResolvedOn, Result = Result, CaseId = CaseId,
    };

    /// <summary>A stored petition as its form.</summary>
    public static PetitionForm Of(Petition p, IReadOnlyList<CitizenView> petitioners)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            UnitId = p.UnitId, ReceivedOn = p.ReceivedOn, Channel = RegistryTerms.Code(p.Channel), PetitionerCount = p.PetitionerCount,
            Petitioners = petitioners.Select(CitizenRow.Of).ToList(), MatterKind = RegistryTerms.Code(p.MatterKind), Field = p.Field, Summary = p.Summary,
            WithinCompetence = p.WithinCompetence, Escalated = p.Escalated, Handling = RegistryTerms.Code(p.Handling), AcceptedOn = p.AcceptedOn,
            ResolvedOn = p.ResolvedOn, Result = p.Result, CaseId = p.CaseId, Version = p.Version,
        };
    }
}

/// <summary>One follow-up row of the dialogue form.</summary>
public sealed class FollowUpRow
{
    /// <summary>What.</summary>
    public string? Item { get; set; }

    /// <summary>Who.</summary>
    public string? Owner { get; set; }

    /// <summary>By when.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Done.</summary>
    public bool Done { get; set; }

    /// <summary>True when nothing was typed (a blank row is left out).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Item) && string.IsNullOrWhiteSpace(Owner) && DueOn is null && !Done;
}

/// <summary>The dialogue form as posted.</summary>
public sealed class DialogueForm
{
    /// <summary>The unit that held it (new dialogues).</summary>
    public int? UnitId { get; set; }

    /// <summary>Ngày.</summary>
    public DateOnly? HeldOn { get; set; }

    /// <summary>Người chủ trì.</summary>
    public string? ChairedBy { get; set; }

    /// <summary>The head chaired.</summary>
    public bool ByHead { get; set; }

    /// <summary>Số người tham dự.</summary>
    public int? Participants { get; set; }

    /// <summary>Chủ đề.</summary>
    public string? Topics { get; set; }

    /// <summary>Ý kiến, kiến nghị.</summary>
    public string? MattersRaised { get; set; }

    /// <summary>Việc cần làm sau đối thoại.</summary>
    public List<FollowUpRow> FollowUps { get; set; } = [];

    /// <summary>The version the form was built from.</summary>
    public int Version { get; set; }

    /// <summary>As the core reads it; blank follow-up rows are left out, so the positions the core names are those of the rows kept.</summary>
    public DialogueInput ToInput() => new()
    {
        HeldOn = HeldOn, ChairedBy = ChairedBy, ByHead = ByHead, Participants = Participants, Topics = Topics, MattersRaised = MattersRaised,
        FollowUps = FollowUps.Where(f => !f.IsBlank).Select(f => new FollowUpInput(f.Item, f.Owner, f.DueOn, f.Done)).ToList(),
    };

    /// <summary>A stored dialogue as its form.</summary>
    public static DialogueForm Of(Dialogue d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new()
        {
            UnitId = d.UnitId, HeldOn = d.HeldOn, ChairedBy = d.ChairedBy, ByHead = d.ByHead, Participants = d.Participants, Topics = d.Topics,
            MattersRaised = d.MattersRaised, Version = d.Version,
            FollowUps = d.FollowUps.OrderBy(f => f.Position).Select(f => new FollowUpRow { Item = f.Item, Owner = f.Owner, DueOn = f.DueOn, Done = f.Done }).ToList(),
        };
    }
}

/// <summary>What the citizens' rows partial needs.</summary>
/// <param name="Id">The fieldset's id ("visitors").</param>
/// <param name="Prefix">The rows' posted name ("Form.Visitors").</param>
/// <param name="Legend">The fieldset's legend.</param>
/// <param name="Rows">The rows as typed.</param>
/// <param name="AddLabel">The add button's text.</param>
/// <param name="Page">The page posted to ("/Registries/Receptions/Edit"; a partial cannot name it relatively).</param>
/// <param name="AddHandler">The page's handler that adds a row ("AddVisitor").</param>
/// <param name="RecordId">The record edited (the route's id), or null for a new one.</param>
/// <param name="Field">The state of a field by posted name.</param>
public sealed record CitizenRowsModel(string Id, string Prefix, string Legend, IReadOnlyList<CitizenRow> Rows, string AddLabel, string Page, string AddHandler, int? RecordId, Func<string, FieldState> Field)
{
    /// <summary>The route of the record edited: none for a new one (an explicit null id fails the route's int constraint and no link is made).</summary>
    public Dictionary<string, string> Route => RegistryRoutes.Of(RecordId);
}

/// <summary>Routes of the registries' edit pages.</summary>
public static class RegistryRoutes
{
    /// <summary>{ id } for a record, empty for a new one: an explicit null id fails the route's int constraint and no link would be made.</summary>
    public static Dictionary<string, string> Of(int? id) =>
        id is { } v ? new() { ["id"] = v.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [];
}

/// <summary>One labelled field of a registry form (the _Input partial): its state, label, value as typed, input type, optional hint and options.</summary>
/// <param name="F">The field's state.</param>
/// <param name="Label">Its label.</param>
/// <param name="Value">The value as typed (or stored).</param>
/// <param name="Type">"text", "date", "number", "textarea", "select".</param>
/// <param name="Hint">A hint under the label, when any.</param>
/// <param name="Options">The options of a select (value, text); the first may be the empty choice.</param>
/// <param name="Required">Shown as required (the core still decides).</param>
public sealed record InputModel(FieldState F, string Label, string? Value, string Type = "text", string? Hint = null,
    IReadOnlyList<(string Value, string Text)>? Options = null, bool Required = false)
{
    /// <summary>The hint's element id.</summary>
    public string HintId => "hint-" + F.Id[2..];

    /// <summary>aria-describedby: the hint and the error.</summary>
    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : HintId, F.DescribedBy }.OfType<string>()) is { Length: > 0 } s ? s : null;
}
