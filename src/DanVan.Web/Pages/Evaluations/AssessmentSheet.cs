using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>
/// One assessment as the evaluation pages show it: the period and unit, the criteria tree flattened into rows, each
/// layer's entries, the evidence, and the results computed by the scoring engine (never typed).
/// </summary>
public sealed record AssessmentSheet
{
    /// <summary>Assessment id.</summary>
    public required int Id { get; init; }

    /// <summary>Version the page was built from (goes back in the form).</summary>
    public required int Version { get; init; }

    /// <summary>Period id.</summary>
    public required int PeriodId { get; init; }

    /// <summary>Period name.</summary>
    public required string PeriodName { get; init; }

    /// <summary>First day units can enter scores.</summary>
    public required DateOnly OpensOn { get; init; }

    /// <summary>Deadline.</summary>
    public required DateOnly Deadline { get; init; }

    /// <summary>True before the period's opening day, <paramref name="today"/> being the province's date.</summary>
    public bool NotOpenOn(DateOnly today) => today < OpensOn;

    /// <summary>Late submissions accepted.</summary>
    public required bool AcceptLate { get; init; }

    /// <summary>Unit id.</summary>
    public required int UnitId { get; init; }

    /// <summary>Unit name.</summary>
    public required string UnitName { get; init; }

    /// <summary>Group name.</summary>
    public required string GroupName { get; init; }

    /// <summary>Status.</summary>
    public required AssessmentStatus Status { get; init; }

    /// <summary>Submitted late.</summary>
    public required bool IsLate { get; init; }

    /// <summary>Who confirmed (unit head), when.</summary>
    public string? ConfirmedBy { get; init; }

    /// <summary>When confirmed (UTC).</summary>
    public DateTime? ConfirmedAt { get; init; }

    /// <summary>When submitted (UTC).</summary>
    public DateTime? SubmittedAt { get; init; }

    /// <summary>The coordinator's comment when returned.</summary>
    public string? ReturnComment { get; init; }

    /// <summary>When approved (UTC).</summary>
    public DateTime? ApprovedAt { get; init; }

    /// <summary>Published final total.</summary>
    public decimal? FinalTotal { get; init; }

    /// <summary>Published final band code.</summary>
    public string? FinalBand { get; init; }

    /// <summary>Recorded flags.</summary>
    public required IReadOnlySet<string> Flags { get; init; }

    /// <summary>The criteria set.</summary>
    public required CriteriaSet Set { get; init; }

    /// <summary>Rows, in tree order: main criteria, bonus, deductions.</summary>
    public required IReadOnlyList<SheetRow> Rows { get; init; }

    /// <summary>The self-assessed result (self layer only).</summary>
    public required ScoreResult Self { get; init; }

    /// <summary>The result with every layer (self, appraisal, inspection).</summary>
    public required ScoreResult Current { get; init; }

    /// <summary>The registry figures of the linked criteria and the contradictions of the self-score (none when the set links no figure).</summary>
    public RegistryReport Registry { get; init; } = RegistryReport.None;

    /// <summary>The label of a band code of this set.</summary>
    public string BandLabel(string? code) => code is null ? "" : ScoringEngine.LabelOf(Set, code);

    /// <summary>Leaves a layer may enter, in row order.</summary>
    public IEnumerable<SheetRow> Leaves(ScoreLayer layer) => Rows.Where(r => r.Criterion.IsLeaf && (layer != ScoreLayer.Self || !r.Superior));

    /// <summary>Loads the sheet of an assessment; null when there is none (the page's filter already checked the scope).</summary>
    public static async Task<AssessmentSheet?> LoadAsync(DanVanDbContext db, int id, CancellationToken ct = default)
    {
        var a = await db.Assessments.AsNoTracking().Include(x => x.Entries).Include(x => x.Unit).Include(x => x.Period)
            .SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        var stored = await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct);
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == a.GroupId).Select(g => g.Name).SingleAsync(ct);
        var evidence = await EvidenceItem.OfAsync(db.Evidence.Where(e => e.AssessmentId == id), ct);
        var set = stored.Parse();
        return Build(a, set, group, evidence, await RegistryChecks.CheckAsync(db, a, set, ct));
    }

    /// <summary>Builds the sheet from loaded data (also used to preview unsaved entries); <paramref name="registry"/>: the figures, when computed.</summary>
    public static AssessmentSheet Build(Assessment a, CriteriaSet set, string groupName, IReadOnlyList<EvidenceItem> evidence, RegistryReport? registry = null)
    {
        registry ??= RegistryReport.None;
        var entries = a.ToScoreEntries();
        // Provisional results read "as if submitted": the not-submitted rule belongs to period results, not to a sheet being filled.
        var self = ScoringEngine.Compute(set, new ScoringInput { Entries = entries, UpToLayer = ScoreLayer.Self, Flags = a.FlagSet });
        var current = ScoringEngine.Compute(set, new ScoringInput { Entries = entries, Flags = a.FlagSet });
        var byCriterion = evidence.ToLookup(e => e.CriterionId);
        var rows = new List<SheetRow>();
        void Walk(IEnumerable<Criterion> list, SheetSection section, int depth, bool superior)
        {
            foreach (var c in list)
            {
                var s = superior || c.ScoredBy == ScoredBy.Superior;
                rows.Add(new SheetRow(c, section, depth, s,
                    a.Entries.FirstOrDefault(e => e.CriterionId == c.Id && e.Layer == ScoreLayer.Self),
                    a.Entries.FirstOrDefault(e => e.CriterionId == c.Id && e.Layer == ScoreLayer.Appraisal),
                    a.Entries.FirstOrDefault(e => e.CriterionId == c.Id && e.Layer == ScoreLayer.Inspection),
                    self.Criteria[c.Id], current.Criteria[c.Id], byCriterion[c.Id].ToList())
                {
                    ReconsiderationEntry = a.Entries.FirstOrDefault(e => e.CriterionId == c.Id && e.Layer == ScoreLayer.Reconsideration),
                    Figure = registry.For(c.Id),
                    Contradictions = registry.ContradictionsOf(c.Id).ToList(),
                });
                Walk(c.Children, section, depth + 1, s);
            }
        }
        Walk(set.Criteria, SheetSection.Main, 0, false);
        Walk(set.Bonus, SheetSection.Bonus, 0, false);
        Walk(set.Deductions, SheetSection.Deduction, 0, false);

        return new AssessmentSheet
        {
            Id = a.Id,
            Version = a.Version,
            PeriodId = a.PeriodId,
            PeriodName = a.Period?.Name ?? "",
            OpensOn = a.Period?.OpensOn ?? default,
            Deadline = a.Period?.DeadlineFor(a.Unit?.Kind) ?? default,
            AcceptLate = a.Period?.AcceptLate ?? true,
            UnitId = a.UnitId,
            UnitName = a.Unit?.Name ?? "",
            GroupName = groupName,
            Status = a.Status,
            IsLate = a.IsLate,
            ConfirmedBy = a.ConfirmedBy,
            ConfirmedAt = a.ConfirmedAt,
            SubmittedAt = a.SubmittedAt,
            ReturnComment = a.ReturnComment,
            ApprovedAt = a.ApprovedAt,
            FinalTotal = a.FinalTotal,
            FinalBand = a.FinalBand,
            Flags = a.FlagSet,
            Set = set,
            Rows = rows,
            Self = self,
            Current = current,
            Registry = registry,
        };
    }
}

/// <summary>Where a row sits.</summary>
public enum SheetSection
{
    /// <summary>The main tree.</summary>
    Main,

    /// <summary>Bonus items.</summary>
    Bonus,

    /// <summary>Deduction items.</summary>
    Deduction,
}

/// <summary>One criterion of the sheet with each layer's entry, its points and its evidence.</summary>
public sealed record SheetRow(
    Criterion Criterion,
    SheetSection Section,
    int Depth,
    bool Superior,
    AssessmentEntry? SelfEntry,
    AssessmentEntry? AppraisalEntry,
    AssessmentEntry? InspectionEntry,
    CriterionScore SelfScore,
    CriterionScore CurrentScore,
    IReadOnlyList<EvidenceItem> Evidence)
{
    /// <summary>The criterion id.</summary>
    public string Id => Criterion.Id;

    /// <summary>The ruling's value after a reconsideration (phúc tra) accepted the unit's request, if any.</summary>
    public AssessmentEntry? ReconsiderationEntry { get; init; }

    /// <summary>The registry figure the criterion names, when it names one.</summary>
    public CriterionFigure? Figure { get; init; }

    /// <summary>Contradictions of the unit's score with the figure.</summary>
    public IReadOnlyList<DanVan.Refusals.Refusal> Contradictions { get; init; } = [];

    /// <summary>True when the unit's value comes from the registry (the unit does not type it).</summary>
    public bool TakenFromRegistry => RegistryChecks.TakesValue(Criterion) && !Superior;

    /// <summary>An id usable in HTML ids ("2.1" → "2-1").</summary>
    public string HtmlId => Criterion.Id.Replace('.', '-').Replace(' ', '-');
}

/// <summary>One evidence file, document reference or linked registered document, as listed, with the appraiser's
/// "chưa đủ căn cứ" mark when there is one.</summary>
/// <remarks>A linked document shows its citation as <see cref="DocumentRef"/> and its file (if any) as <see cref="FileName"/>.</remarks>
public sealed record EvidenceItem(int Id, string CriterionId, string? FileName, EvidenceFileType? FileType, long Size, string? DocumentRef, string AddedBy, DateTime AddedAt)
{
    /// <summary>The registered document linked, when the item is a link.</summary>
    public int? DocumentId { get; init; }

    /// <summary>The appraiser's reason, when the item is marked insufficient.</summary>
    public string? InsufficientReason { get; init; }

    /// <summary>Who marked it, and when.</summary>
    public string? InsufficientBy { get; init; }

    /// <summary>When it was marked (UTC).</summary>
    public DateTime? InsufficientAt { get; init; }

    /// <summary>The file name, or else the citation: what the item is called.</summary>
    public string Name => FileName is not null && DocumentId is null ? FileName : DocumentRef ?? FileName ?? "";

    /// <summary>Loads the items of <paramref name="query"/>, oldest first, with their linked documents' words and files.</summary>
    public static async Task<List<EvidenceItem>> OfAsync(IQueryable<DanVan.Evaluations.Evidence> query, CancellationToken ct = default)
    {
        var rows = await query.AsNoTracking().OrderBy(e => e.AddedAt).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.CriterionId, e.FileName, e.FileType, e.Size, e.DocumentRef, e.AddedBy, e.AddedAt, e.UnitDocumentId,
                e.InsufficientReason, e.InsufficientBy, e.InsufficientAt,
                Doc = e.UnitDocument == null ? null : new { e.UnitDocument.Number, e.UnitDocument.IssuedOn, e.UnitDocument.Issuer, e.UnitDocument.Summary, e.UnitDocument.FileName, e.UnitDocument.FileType, e.UnitDocument.Size },
            })
            .ToListAsync(ct);
        return [.. rows.Select(e => e.Doc is { } d
            ? new EvidenceItem(e.Id, e.CriterionId, d.FileName, d.FileType, d.Size, UnitDocuments.Label(d.Number, d.IssuedOn, d.Issuer, d.Summary), e.AddedBy, e.AddedAt)
                { DocumentId = e.UnitDocumentId, InsufficientReason = e.InsufficientReason, InsufficientBy = e.InsufficientBy, InsufficientAt = e.InsufficientAt }
            : new EvidenceItem(e.Id, e.CriterionId, e.FileName, e.FileType, e.Size, e.DocumentRef, e.AddedBy, e.AddedAt)
                { InsufficientReason = e.InsufficientReason, InsufficientBy = e.InsufficientBy, InsufficientAt = e.InsufficientAt })];
    }
}
