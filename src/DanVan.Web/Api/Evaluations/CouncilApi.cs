using System.ComponentModel;
using DanVan.Accounts;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Council;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;
using DanVan.Web.Evaluations;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using CouncilResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<DanVan.Web.Api.Evaluations.CouncilDetails>,
    DanVan.Web.Api.NotFoundProblem,
    DanVan.Web.Api.ForbiddenProblem,
    DanVan.Web.Api.RefusedProblem>;
using SettingsResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<DanVan.Web.Api.Evaluations.CouncilSettingsView>,
    DanVan.Web.Api.NotFoundProblem,
    DanVan.Web.Api.ForbiddenProblem,
    DanVan.Web.Api.RefusedProblem>;

namespace DanVan.Web.Api.Evaluations;

/// <summary>Council appraisal: a period's council, a member's ballot, the council's table and recording its consensus.</summary>
/// <remarks>The same core as the pages (<see cref="Councils"/>): a member sees the others' scores only after submitting their own.</remarks>
public static class CouncilApi
{
    /// <summary>Maps /api/v1/periods/{id}/council and /api/v1/assessments/{id}/council.</summary>
    public static RouteGroupBuilder MapCouncilApi(this RouteGroupBuilder api)
    {
        var periods = api.MapGroup("/periods").WithTags("Periods");
        periods.MapGet("/{id:int}/council", GetSettings)
            .WithName("GetPeriodCouncil")
            .Requires(EvaluationPermissions.Council)
            .WithSummary("Read how a period is appraised: by one coordinator, or by a council (members, chair, rule, threshold)");
        periods.MapPut("/{id:int}/council", SetSettings)
            .WithName("SetPeriodCouncil")
            .Requires(EvaluationPermissions.SetCouncil)
            .WithSummary("Set how a period is appraised (coordinator of the period's scope unit)")
            .WithDescription("byCouncil false: one coordinator appraises (the default). Otherwise the members (accounts that may sit on a council "
                + "covering the scope unit), the chair among them, the consensus rule (Mean, Median, ChairDecides) and the disagreement threshold in points. "
                + "Send the settings' version read (0 when there were none).");

        var assessments = api.MapGroup("/assessments").WithTags("Assessments");
        assessments.MapGet("/{id:int}/council", GetCouncil)
            .WithName("GetAssessmentCouncil")
            .Requires(EvaluationPermissions.Council)
            .WithSummary("Read the council's table of an assessment as the caller may see it")
            .WithDescription("Members and chair see the other members' scores, the spread, the disagreements and the consensus only once their own "
                + "ballot is submitted; a coordinator who appraises the assessment sees every submitted ballot. Others: 403.");
        assessments.MapPut("/{id:int}/council/ballot", SaveBallot)
            .WithName("SaveCouncilBallot")
            .Requires(EvaluationPermissions.Council)
            .WithSummary("Save (and optionally submit) the caller's own ballot: a value per criterion in its method, with a note")
            .WithDescription("The scores sent replace the ballot's. 'submit' needs every leaf criterion scored. Send the ballot's version read (0 for a new one).");
        assessments.MapPost("/{id:int}/council/consensus", RecordConsensus)
            .WithName("RecordCouncilConsensus")
            .Requires(EvaluationPermissions.Council)
            .WithSummary("Record the council's consensus in the appraisal layer (chair, or a coordinator who appraises)")
            .WithDescription("Every member must have submitted. Mean and Median write the computed values; ChairDecides takes 'decisions', one per "
                + "leaf criterion with the reason in 'note'. Each entry's note is the basis (\"Hội đồng 3 thành viên, trung vị: 8; 7; 9 → 8\"). "
                + "Send the assessment's version (If-Match or 'version').");
        return api;
    }

    /// <summary>GET /api/v1/periods/{id}/council.</summary>
    public static async Task<SettingsResult> GetSettings(int id, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await PeriodTargetAsync(db, scope, id, ct) is not { } target) return PeriodNotFound(id);
        if (!EvaluationAccess.May(scope, EvaluationPermissions.Council, target)) return AssessmentsApi.Forbidden(EvaluationPermissions.Council);
        return TypedResults.Ok(CouncilSettingsView.Of(await Councils.FindAsync(db, id, ct)));
    }

    /// <summary>PUT /api/v1/periods/{id}/council.</summary>
    public static async Task<SettingsResult> SetSettings(int id, CouncilSettingsBody body, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await PeriodTargetAsync(db, scope, id, ct) is not { } target) return PeriodNotFound(id);
        if (!EvaluationAccess.May(scope, EvaluationPermissions.SetCouncil, target)) return AssessmentsApi.Forbidden(EvaluationPermissions.SetCouncil);
        try
        {
            var council = await Councils.SetAsync(db, id, body.ToSettings(), body.Version, scope.UserName, AssessmentsApi.Now(clock), ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(CouncilSettingsView.Of(council));
        }
        catch (RefusedException ex)
        {
            return AssessmentsApi.Refused(ex.Refusals);
        }
        catch (Exception ex) when (SaveConflicts.IsLostRace(ex))
        {
            return AssessmentsApi.Refused([Refusal.Of("council.staleVersion", Where.AtField("version"), ("sent", body.Version), ("current", null))]);
        }
    }

    /// <summary>GET /api/v1/assessments/{id}/council.</summary>
    public static async Task<CouncilResult> GetCouncil(int id, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var (scope, a, problem) = await FindAsync(db, me, id, ct);
        if (problem is not null) return problem;
        var council = await Councils.FindAsync(db, a!.PeriodId, ct);
        if (council is null) return AssessmentsApi.Refused([new Refusal("council.notByCouncil", Where.Request)]);
        var set = await SetAsync(db, a, ct);
        var view = Councils.View(council, set, await Councils.BallotsAsync(db, id, ct), scope!.UserName, EvaluationAccess.May(scope, a, EvaluationPermissions.Appraise));
        if (view.Role == CouncilRole.None) return new ForbiddenProblem($"{scope.UserName} is neither a member of this period's council nor a coordinator who appraises the assessment.");
        return TypedResults.Ok(CouncilDetails.Of(view, a, set));
    }

    /// <summary>PUT /api/v1/assessments/{id}/council/ballot.</summary>
    public static async Task<CouncilResult> SaveBallot(int id, BallotBody body, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        var (scope, a, problem) = await FindAsync(db, me, id, ct);
        if (problem is not null) return problem;
        var council = await Councils.FindAsync(db, a!.PeriodId, ct);
        if (council is not null && !council.IsMember(scope!.UserName))
            return new ForbiddenProblem($"{scope.UserName} is not a member of this period's council.");
        var set = await SetAsync(db, a, ct);
        var ballots = await Councils.BallotsAsync(db, id, ct);
        try
        {
            Councils.SaveBallot(db, a, council, set, ballots.FirstOrDefault(b => b.Member == scope!.UserName), scope!.UserName,
                (body.Scores ?? []).Select(s => s.ToInput(ScoreLayer.Appraisal)).ToList(), body.Submit, body.Version, AssessmentsApi.Now(clock));
            await db.SaveChangesAsync(ct);
        }
        catch (RefusedException ex)
        {
            return AssessmentsApi.Refused(ex.Refusals);
        }
        catch (Exception ex) when (SaveConflicts.IsLostRace(ex))
        {
            return AssessmentsApi.Refused([Refusal.Of("council.staleVersion", Where.AtField("version"), ("sent", body.Version), ("current", null))]);
        }
        var view = Councils.View(council!, set, await Councils.BallotsAsync(db, id, ct), scope.UserName, EvaluationAccess.May(scope, a, EvaluationPermissions.Appraise));
        return TypedResults.Ok(CouncilDetails.Of(view, a, set));
    }

    /// <summary>POST /api/v1/assessments/{id}/council/consensus.</summary>
    public static async Task<Results<Ok<CouncilDetails>, NotFoundProblem, ForbiddenProblem, RefusedProblem, PreconditionRequiredProblem>> RecordConsensus(
        int id, ConsensusBody body, HttpContext http, DanVanDbContext db, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        var (scope, a, problem) = await FindAsync(db, me, id, ct);
        if (problem is not null) return problem.Result switch
        {
            NotFoundProblem nf => nf,
            ForbiddenProblem f => f,
            RefusedProblem r => r,
            _ => throw new InvalidOperationException(),
        };
        var (version, bad) = AssessmentVersion.Read(http.Request, body.Version);
        if (bad is not null) return ApiProblems.Refused([bad]);
        if (version is null) return new PreconditionRequiredProblem();
        var council = await Councils.FindAsync(db, a!.PeriodId, ct);
        var set = await SetAsync(db, a, ct);
        var ballots = await Councils.BallotsAsync(db, id, ct);
        var mayAppraise = EvaluationAccess.May(scope!, a, EvaluationPermissions.Appraise);
        if (council is not null && Councils.RoleOf(council, scope!.UserName, mayAppraise) is not (CouncilRole.Chair or CouncilRole.Secretary))
            return new ForbiddenProblem($"Only the chair of the council or a coordinator who appraises the assessment records the consensus.");
        try
        {
            AssessmentWorkflow.ExpectVersion(a, version.Value);
            Councils.RecordConsensus(db, a, council, set, ballots,
                (body.Decisions ?? []).Select(d => d.ToInput(ScoreLayer.Appraisal)).ToList(), scope!.UserName, mayAppraise, AssessmentsApi.Now(clock));
            await db.SaveChangesAsync(ct);
        }
        catch (RefusedException ex)
        {
            return AssessmentsApi.Refused(ex.Refusals);
        }
        catch (Exception ex) when (SaveConflicts.IsLostRace(ex))
        {
            return AssessmentsApi.Refused([AssessmentWorkflow.StaleVersion(version, null)]);
        }
        http.Response.Headers.ETag = AssessmentVersion.ETag(a.Version);
        return TypedResults.Ok(CouncilDetails.Of(Councils.View(council!, set, ballots, scope.UserName, mayAppraise), a, set));
    }

    private static async Task<(UserScope? Scope, Assessment? Assessment, CouncilResult? Problem)> FindAsync(DanVanDbContext db, CurrentUser me, int id, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var a = await EvaluationAccess.FindAssessmentAsync(db, scope, id, ct);
        if (a is null) return (scope, null, AssessmentsApi.AssessmentNotFound(id));
        if (!EvaluationAccess.May(scope, a, EvaluationPermissions.Council)) return (scope, a, AssessmentsApi.Forbidden(EvaluationPermissions.Council));
        return (scope, a, null);
    }

    private static async Task<CriteriaSet> SetAsync(DanVanDbContext db, Assessment a, CancellationToken ct) =>
        (await db.CriteriaSets.AsNoTracking().SingleAsync(s => s.Id == a.CriteriaSetId, ct)).Parse();

    private static async Task<DanVan.Accounts.Permissions.Target?> PeriodTargetAsync(DanVanDbContext db, UserScope scope, int id, CancellationToken ct) =>
        await EvaluationAccess.FindPeriodAsync(db, scope, id, ct) is { } p ? new(p.ScopeUnit!.Path, p.ScopeUnit.Path) : null;

    private static NotFoundProblem PeriodNotFound(int id) => new($"There is no period {id} that you may see.");
}

/// <summary>How a period is appraised.</summary>
/// <param name="ByCouncil">False: one coordinator appraises.</param>
/// <param name="Rule">Mean, Median or ChairDecides (null without a council).</param>
/// <param name="Threshold">Points of spread above which a criterion is a disagreement.</param>
/// <param name="Members">The members in the council's order.</param>
/// <param name="Version">The settings' version (0 without a council); send it back with a change.</param>
public sealed record CouncilSettingsView(bool ByCouncil, ConsensusRule? Rule, decimal? Threshold, IReadOnlyList<CouncilMemberView> Members, int Version)
{
    /// <summary>The view of stored settings.</summary>
    public static CouncilSettingsView Of(PeriodCouncil? c) => c is null
        ? new(false, null, null, [], 0)
        : new(true, c.Rule, c.Threshold, c.Members.OrderBy(m => m.Position).Select(m => new CouncilMemberView(m.UserName, m.IsChair, null)).ToList(), c.Version);
}

/// <summary>A member of a council.</summary>
/// <param name="UserName">The account.</param>
/// <param name="Chair">The chair.</param>
/// <param name="Submitted">On an assessment: the member submitted a ballot.</param>
public sealed record CouncilMemberView(string UserName, bool Chair, bool? Submitted);

/// <summary>The settings to store.</summary>
public sealed record CouncilSettingsBody
{
    /// <summary>False: one coordinator appraises.</summary>
    public bool ByCouncil { get; init; }

    /// <summary>The consensus rule.</summary>
    [Description("Mean, Median or ChairDecides.")]
    public ConsensusRule Rule { get; init; } = ConsensusRule.Median;

    /// <summary>Points of spread above which a criterion is a disagreement.</summary>
    public decimal Threshold { get; init; }

    /// <summary>Members' user names, in order.</summary>
    public IReadOnlyList<string>? Members { get; init; }

    /// <summary>The chair's user name.</summary>
    public string? Chair { get; init; }

    /// <summary>The settings' version read (0 when there were none).</summary>
    public int? Version { get; init; }

    /// <summary>As the core takes it.</summary>
    public CouncilSettings ToSettings() => new(ByCouncil, Rule, Threshold, Members ?? [], Chair);
}

/// <summary>A value of one criterion in its method, with a note (a member's score, or the chair's decision with its reason).</summary>
public sealed record CouncilValueBody
{
    /// <summary>The criterion.</summary>
    public required string CriterionId { get; init; }

    /// <summary>Points method.</summary>
    public decimal? Points { get; init; }

    /// <summary>Levels method: the level code.</summary>
    public string? Level { get; init; }

    /// <summary>Checklist method: ids of the checked items.</summary>
    public IReadOnlyList<string>? Checked { get; init; }

    /// <summary>Ratio method: achieved figure.</summary>
    public decimal? Achieved { get; init; }

    /// <summary>Ratio method: target, when the set does not fix it.</summary>
    public decimal? Target { get; init; }

    /// <summary>Count method.</summary>
    public int? Count { get; init; }

    /// <summary>The criterion does not apply to the unit.</summary>
    public bool NotApplicable { get; init; }

    /// <summary>A member's note; for the chair's decision, the reason (mandatory).</summary>
    public string? Note { get; init; }

    /// <summary>As the core takes it.</summary>
    public EntryInput ToInput(ScoreLayer layer) => new()
    {
        CriterionId = CriterionId, Layer = layer, Note = Note,
        Value = new CriterionValue { Points = Points, Level = Level, Checked = Checked, Achieved = Achieved, Target = Target, Count = Count, NotApplicable = NotApplicable },
    };
}

/// <summary>A member's ballot to save.</summary>
public sealed record BallotBody
{
    /// <summary>The scores; they replace the ballot's.</summary>
    public IReadOnlyList<CouncilValueBody>? Scores { get; init; }

    /// <summary>Also submit the ballot (every leaf must be scored).</summary>
    public bool Submit { get; init; }

    /// <summary>The ballot's version read (0 for a new one).</summary>
    public int? Version { get; init; }
}

/// <summary>Recording the consensus.</summary>
public sealed record ConsensusBody
{
    /// <summary>Under ChairDecides: the chair's value of every leaf criterion, the reason in 'note'.</summary>
    public IReadOnlyList<CouncilValueBody>? Decisions { get; init; }

    /// <summary>The assessment's version read; or send If-Match.</summary>
    public int? Version { get; init; }
}

/// <summary>One member's score of one criterion as shown.</summary>
public sealed record CouncilScoreView(string Member, CriterionValue Value, decimal Points, string? Note)
{
    /// <summary>The criterion.</summary>
    public string CriterionId { get; init; } = "";
}

/// <summary>The council's row of a criterion.</summary>
/// <param name="Consensus">The value by the rule, once every member submitted; null under ChairDecides.</param>
public sealed record CouncilRowView(string CriterionId, IReadOnlyList<CouncilScoreView> Scores, decimal Spread, bool Disagreement, bool ApplicabilityDiffers,
    CriterionValue? Consensus, decimal? ConsensusPoints, string Basis);

/// <summary>The caller's own ballot.</summary>
public sealed record OwnBallotView(int Version, DateTime? SubmittedAt, IReadOnlyList<CouncilScoreView> Scores);

/// <summary>An assessment's council as the caller may see it.</summary>
/// <param name="Role">Member, Chair or Secretary (a coordinator who appraises, not a member).</param>
/// <param name="SeesOthers">The rows are shown: the caller's ballot is submitted, or the caller is the secretary.</param>
/// <param name="Complete">Every member submitted: the consensus can be recorded.</param>
/// <param name="AssessmentVersion">The assessment's version, to send when recording the consensus.</param>
public sealed record CouncilDetails(int AssessmentId, int AssessmentVersion, ConsensusRule Rule, decimal Threshold, CouncilRole Role,
    IReadOnlyList<CouncilMemberView> Members, OwnBallotView? Own, bool SeesOthers, bool Complete, IReadOnlyList<CouncilRowView> Rows)
{
    /// <summary>The view of the core's.</summary>
    public static CouncilDetails Of(CouncilView v, Assessment a, CriteriaSet set) => new(
        a.Id, a.Version, v.Council.Rule, v.Council.Threshold, v.Role,
        v.Council.Members.OrderBy(m => m.Position).Select(m => new CouncilMemberView(m.UserName, m.IsChair, v.Submitted.Contains(m.UserName))).ToList(),
        v.Own is { } own ? new OwnBallotView(own.Version, own.SubmittedAt, own.Scores.Select(s => new CouncilScoreView(own.Member, s.Value,
            set.FindCriterion(s.CriterionId) is { IsLeaf: true } leaf ? MemberScore.Of(own.Member, leaf, s.Value, s.Note).Points : 0, s.Note) { CriterionId = s.CriterionId }).ToList()) : null,
        v.SeesOthers, v.Complete,
        v.Rows.Select(r => new CouncilRowView(r.CriterionId, r.Scores.Select(s => new CouncilScoreView(s.Member, s.Value, s.Points, s.Note) { CriterionId = r.CriterionId }).ToList(),
            r.Spread, r.Disagreement, r.ApplicabilityDiffers, v.Complete ? r.Value : null, v.Complete ? r.Points : null, r.Basis)).ToList());
}
