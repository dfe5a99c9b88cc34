using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Audit;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations.Scoring;
using DanVan.Refusals;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Evaluations.Council;

/// <summary>What a coordinator sets for a period's appraisal: one coordinator (<paramref name="ByCouncil"/> false) or a council.</summary>
/// <param name="Members">The members' user names, in the council's order.</param>
/// <param name="Chair">The chair's user name, one of <paramref name="Members"/>.</param>
/// <param name="Threshold">Points of spread on a criterion above which the row is a disagreement.</param>
public sealed record CouncilSettings(bool ByCouncil, ConsensusRule Rule, decimal Threshold, IReadOnlyList<string> Members, string? Chair);

/// <summary>What the viewer is to a council: a member, its chair, the coordinator who runs the meeting, or nobody.</summary>
public enum CouncilRole
{
    /// <summary>Neither a member nor a coordinator of the period.</summary>
    None = 0,

    /// <summary>Thành viên hội đồng.</summary>
    Member = 1,

    /// <summary>Chủ tịch hội đồng.</summary>
    Chair = 2,

    /// <summary>A coordinator who may appraise the assessment but is not a member (thư ký: prepares and records the meeting).</summary>
    Secretary = 3,
}

/// <summary>An assessment's council as one viewer may see it.</summary>
/// <param name="Own">The viewer's own ballot (draft or submitted), if any.</param>
/// <param name="SeesOthers">The viewer sees the other members' submitted scores: a member once their own ballot is submitted, a secretary always.</param>
/// <param name="Submitted">The members (council order) whose ballot is submitted.</param>
/// <param name="Pending">The members whose ballot is not submitted yet.</param>
/// <param name="Rows">Per leaf criterion, the submitted scores with spread, disagreement and consensus; empty when the viewer may not see them.</param>
public sealed record CouncilView(
    PeriodCouncil Council,
    CouncilRole Role,
    CouncilBallot? Own,
    bool SeesOthers,
    IReadOnlyList<string> Submitted,
    IReadOnlyList<string> Pending,
    IReadOnlyList<ConsensusRow> Rows)
{
    /// <summary>Every member submitted: the consensus can be recorded.</summary>
    public bool Complete => Pending.Count == 0;

    /// <summary>The viewer is one who records the consensus (the chair or a secretary); recording also needs <see cref="Complete"/>.</summary>
    public bool MayRecord => Role is CouncilRole.Chair or CouncilRole.Secretary;

    /// <summary>The viewer scores (a member or the chair).</summary>
    public bool Scores => Role is CouncilRole.Member or CouncilRole.Chair;
}

/// <summary>
/// Appraisal by a council: the period's settings, each member's ballot, what a viewer may see, and recording the
/// consensus into the appraisal layer through <see cref="AssessmentEntries"/> (the same rules as one appraiser).
/// </summary>
/// <remarks>
/// Visibility: a member scores alone — until their own ballot is submitted they see no other member's scores (nor the
/// spread); a draft is seen by its author only. The coordinator who runs the meeting (may appraise, not a member)
/// sees every submitted ballot. A member may still revise a submitted ballot after the discussion, until the assessment
/// leaves appraisal; every save is audited. The consensus is recorded once every member has submitted.
/// The caller saves once; each method records its audit lines.
/// </remarks>
public static class Councils
{
    /// <summary>Fewest members of a council.</summary>
    public const int MinMembers = 2;

    /// <summary>Largest threshold accepted (points).</summary>
    public const decimal MaxThreshold = 1000;

    /// <summary>The council of a period with its members in order (tracked), or null when one coordinator appraises.</summary>
    public static Task<PeriodCouncil?> FindAsync(DanVanDbContext db, int periodId, CancellationToken ct = default) =>
        db.Councils.Include(c => c.Members.OrderBy(m => m.Position)).SingleOrDefaultAsync(c => c.PeriodId == periodId, ct);

    /// <summary>The ballots of an assessment with their scores (tracked).</summary>
    public static Task<List<CouncilBallot>> BallotsAsync(DanVanDbContext db, int assessmentId, CancellationToken ct = default) =>
        db.CouncilBallots.Include(b => b.Scores).Where(b => b.AssessmentId == assessmentId).ToListAsync(ct);

    /// <summary>A short description of the settings for the audit trail and the pages.</summary>
    public static string Describe(PeriodCouncil? council) => council is null
        ? "một cán bộ thẩm định"
        : $"hội đồng: {string.Join(", ", council.Members.Select(m => m.IsChair ? m.UserName + " (chủ tịch)" : m.UserName))}; {Consensus.Words(council.Rule)}; ngưỡng {Consensus.Num(council.Threshold)} điểm";

    /// <summary>Sets how the period is appraised; the members must be accounts that may sit on a council covering the period's scope unit.</summary>
    /// <param name="version">The settings' version the change was based on (null: none existed, or no check).</param>
    /// <exception cref="RefusedException">Wrong settings (each at its field) or a stale version; nothing changed.</exception>
    public static async Task<PeriodCouncil?> SetAsync(DanVanDbContext db, int periodId, CouncilSettings settings, int? version, string user, DateTime at,
        CancellationToken ct = default)
    {
        var period = await db.Periods.Include(p => p.ScopeUnit).SingleAsync(p => p.Id == periodId, ct);
        var council = await FindAsync(db, periodId, ct);
        if (version is { } sent && sent != (council?.Version ?? 0))
            throw new RefusedException("council.staleVersion", Where.AtField("version"), ("sent", sent), ("current", council?.Version ?? 0));
        var old = Describe(council);

        if (!settings.ByCouncil)
        {
            if (council is null) return null;
            db.Councils.Remove(council);
            AuditTrail.Record(db, new AuditLine(user, at, "period.council", AuditSubject.Of(period)) { Old = old, New = Describe(null) });
            return null;
        }

        var problems = new List<Refusal>();
        var names = settings.Members.Select(m => m.Trim()).Where(m => m.Length > 0).ToList();
        if (names.Count < MinMembers) problems.Add(Refusal.Of("council.tooFewMembers", Where.AtField("members"), ("min", MinMembers)));
        foreach (var twice in names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(Refusal.Of("council.memberTwice", Where.AtField("members"), ("member", twice.Key)));
        var accounts = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        var target = new Target(period.ScopeUnit!.Path, period.ScopeUnit.Path);
        for (var i = 0; i < names.Count; i++)
        {
            var account = accounts.FirstOrDefault(a => a.UserName == names[i]);
            if (account is null)
            {
                problems.Add(Refusal.Of("council.unknownMember", Where.AtPath($"members[{i}]"), ("member", names[i])));
                continue;
            }
            var scope = await UserScopes.LoadAsync(db, account.Id, account.UserName!, ct);
            if (!Permissions.Builtin.May(scope, EvaluationPermissions.Council, target))
                problems.Add(Refusal.Of("council.memberOutOfScope", Where.AtPath($"members[{i}]"), ("member", names[i]), ("scope", period.ScopeUnit.Name)));
        }
        var chair = settings.Chair?.Trim();
        if (string.IsNullOrEmpty(chair)) problems.Add(new Refusal("council.chairRequired", Where.AtField("chair")));
        else if (!names.Contains(chair)) problems.Add(Refusal.Of("council.chairNotMember", Where.AtField("chair"), ("chair", chair)));
        if (settings.Threshold < 0 || settings.Threshold > MaxThreshold)
            problems.Add(Refusal.Of("council.threshold", Where.AtField("threshold"), ("value", settings.Threshold), ("max", MaxThreshold)));
        if (!Enum.IsDefined(settings.Rule)) problems.Add(new Refusal("council.unknownRule", Where.AtField("rule")));
        if (problems.Count > 0) throw new RefusedException(problems);

        if (council is null)
        {
            council = new PeriodCouncil { PeriodId = periodId };
            db.Councils.Add(council);
        }
        else council.Version++;
        council.Rule = settings.Rule;
        council.Threshold = settings.Threshold;
        db.CouncilMembers.RemoveRange(council.Members);
        council.Members.Clear();
        council.Members.AddRange(names.Select((n, i) => new CouncilMember { PeriodId = periodId, UserName = n, IsChair = n == chair, Position = i }));
        var now = Describe(council);
        if (now != old) AuditTrail.Record(db, new AuditLine(user, at, "period.council", AuditSubject.Of(period)) { Old = old, New = now });
        return council;
    }

    /// <summary>The accounts that may sit on a council of the period (a role allowed <see cref="EvaluationPermissions.Council"/> covering its scope unit), by full name.</summary>
    public static async Task<IReadOnlyList<(string UserName, string FullName)>> CandidatesAsync(DanVanDbContext db, int periodId, CancellationToken ct = default)
    {
        var scopePath = await db.Periods.AsNoTracking().Where(p => p.Id == periodId).Select(p => p.ScopeUnit!.Path).SingleAsync(ct);
        var roles = Permissions.Builtin[EvaluationPermissions.Council].Grants.SelectMany(g => g.Roles).Distinct().ToList();
        var assignments = await db.RoleAssignments.AsNoTracking().Where(r => roles.Contains(r.Role)).ToListAsync(ct);
        var unitIds = assignments.Where(r => r.ScopeUnitId is not null).Select(r => r.ScopeUnitId!.Value).Distinct().ToList();
        var paths = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var userIds = assignments.Select(r => r.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.FullName }).ToListAsync(ct);
        var target = new Target(scopePath, scopePath);
        return users.Where(u => Permissions.Builtin.May(new UserScope(u.Id, u.UserName!, assignments.Where(r => r.UserId == u.Id).ToList(), paths),
                EvaluationPermissions.Council, target))
            .Select(u => (u.UserName!, u.FullName)).OrderBy(u => u.FullName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ThenBy(u => u.Item1, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>What <paramref name="viewer"/> is to the council; <paramref name="mayAppraise"/>: the permission model lets them appraise the assessment.</summary>
    public static CouncilRole RoleOf(PeriodCouncil council, string viewer, bool mayAppraise) =>
        council.Members.FirstOrDefault(m => m.UserName == viewer) is { } member
            ? member.IsChair ? CouncilRole.Chair : CouncilRole.Member
            : mayAppraise ? CouncilRole.Secretary : CouncilRole.None;

    /// <summary>The council of an assessment as <paramref name="viewer"/> may see it (see the class's remarks for who sees what).</summary>
    public static CouncilView View(PeriodCouncil council, CriteriaSet set, IReadOnlyList<CouncilBallot> ballots, string viewer, bool mayAppraise)
    {
        var role = RoleOf(council, viewer, mayAppraise);
        var own = ballots.FirstOrDefault(b => b.Member == viewer);
        var order = council.Members.Select(m => m.UserName).ToList();
        var submitted = order.Where(m => ballots.Any(b => b.Member == m && b.SubmittedAt is not null)).ToList();
        var pending = order.Except(submitted).ToList();
        var sees = role == CouncilRole.Secretary || (role != CouncilRole.None && own?.SubmittedAt is not null);
        var rows = sees ? Rows(council, set, submitted.Select(m => ballots.First(b => b.Member == m)).ToList()) : [];
        return new CouncilView(council, role, own, sees, submitted, pending, rows);
    }

    /// <summary>The council's rows of every leaf from the given ballots (council order).</summary>
    public static IReadOnlyList<ConsensusRow> Rows(PeriodCouncil council, CriteriaSet set, IReadOnlyList<CouncilBallot> ballots) =>
        set.AllCriteria().Where(c => c.IsLeaf).Select(leaf => Consensus.Of(council.Rule, council.Threshold, leaf,
                ballots.SelectMany(b => b.Scores.Where(s => s.CriterionId == leaf.Id).Select(s => MemberScore.Of(b.Member, leaf, s.Value, s.Note))).ToList(),
                council.Members.Count))
            .ToList();

    /// <summary>
    /// Saves <paramref name="member"/>'s ballot of a tracked assessment (period loaded): the scores given replace the
    /// ballot's (an empty value clears a criterion); <paramref name="submit"/> also submits it, which needs every leaf scored.
    /// </summary>
    /// <param name="ballot">The member's ballot, tracked with its scores; null when none exists yet.</param>
    /// <param name="version">The ballot's version the change was based on (null: no check).</param>
    /// <exception cref="RefusedException">Not a council period or not a member, the assessment not in appraisal, a wrong value or note
    /// (at its criterion), an incomplete ballot submitted, or a stale version; nothing changed.</exception>
    public static CouncilBallot SaveBallot(DanVanDbContext db, Assessment assessment, PeriodCouncil? council, CriteriaSet set, CouncilBallot? ballot,
        string member, IReadOnlyList<EntryInput> scores, bool submit, int? version, DateTime at)
    {
        if (council is null) throw new RefusedException("council.notByCouncil", Where.Request);
        if (!council.IsMember(member)) throw new RefusedException("council.notMember", Where.Request, ("user", member));
        if (AssessmentEntries.StateRefusal(assessment, ScoreLayer.Appraisal, at) is { } state) throw new RefusedException(state);
        if (version is { } sent && sent != (ballot?.Version ?? 0))
            throw new RefusedException("council.staleVersion", Where.AtField("version"), ("sent", sent), ("current", ballot?.Version ?? 0));

        var problems = new List<Refusal>();
        foreach (var input in scores) problems.AddRange(CheckScore(set, input));
        var given = scores.Where(s => s.Value.GivenFields().Any() || s.NotApplicable).ToList();
        if (submit && problems.Count == 0)
        {
            var missing = set.AllCriteria().Where(c => c.IsLeaf && given.All(g => g.CriterionId != c.Id)).Select(c => c.Id).ToList();
            if (missing.Count > 0)
                problems.AddRange(missing.Select(id => Refusal.Of("council.scoreRequired", Where.AtCriterion(id), ("criterion", id))));
        }
        if (problems.Count > 0) throw new RefusedException(problems);

        if (ballot is null)
        {
            ballot = new CouncilBallot { AssessmentId = assessment.Id, Member = member };
            db.CouncilBallots.Add(ballot);
        }
        else ballot.Version++;
        var before = ballot.Scores.Count;
        db.CouncilScores.RemoveRange(ballot.Scores);
        ballot.Scores.Clear();
        ballot.Scores.AddRange(given.Select(g => new CouncilScore
        {
            CriterionId = g.CriterionId, Value = g.Value, Note = string.IsNullOrWhiteSpace(g.Note) ? null : g.Note.Trim().Normalize(),
        }));
        ballot.SavedAt = at;
        var submitting = submit && ballot.SubmittedAt is null;
        if (submit) ballot.SubmittedAt ??= at;
        AuditTrail.Record(db, new AuditLine(member, at, submitting ? "council.submit" : "council.ballot", AuditSubject.Of(assessment))
        {
            Old = $"{before} tiêu chí",
            New = $"{ballot.Scores.Count} tiêu chí" + (ballot.SubmittedAt is null ? " (nháp)" : ""),
        });
        return ballot;
    }

    /// <summary>Why a member's value of one criterion is not acceptable: the criterion's value rules (as an appraiser's) and the note's length; no reason is required.</summary>
    public static IReadOnlyList<Refusal> CheckScore(CriteriaSet set, EntryInput input)
    {
        var criterion = set.FindCriterion(input.CriterionId);
        if (criterion is null)
            return [Refusal.Of("entry.unknownCriterion", Where.AtCriterion(input.CriterionId), ("criterion", input.CriterionId))];
        if (!input.Value.GivenFields().Any() && !input.NotApplicable) return [];
        var refusals = new List<Refusal>(2);
        if (ScoreEntryRules.Check(criterion, input.ToScoreEntry() with { Layer = ScoreLayer.Appraisal }, false) is { } refusal) refusals.Add(refusal);
        if (TextLimit.Check(input.Note, Where.AtCriterion(input.CriterionId, "note"), "note") is { } tooLong) refusals.Add(tooLong);
        return refusals;
    }

    /// <summary>
    /// Records the council's consensus in the appraisal layer of a tracked assessment (entries and period loaded): per
    /// leaf the value by the period's rule, or under <see cref="ConsensusRule.ChairDecides"/> the value the chair gives
    /// with a reason; the entry's note is the basis. Written through <see cref="AssessmentEntries.Set(DanVanDbContext, Assessment, CriteriaSet, EntryInput, string, DateTime)"/>
    /// (one audit line per criterion changed) and one <c>council.consensus</c> line.
    /// </summary>
    /// <param name="decided">Under <see cref="ConsensusRule.ChairDecides"/>: the chair's value of every leaf, its note the reason; otherwise ignored.</param>
    /// <returns>How many criteria changed.</returns>
    /// <exception cref="RefusedException">Not a council period, a viewer who is neither chair nor secretary, ballots missing,
    /// the assessment not in appraisal, or a chair's value missing or wrong; nothing changed.</exception>
    public static int RecordConsensus(DanVanDbContext db, Assessment assessment, PeriodCouncil? council, CriteriaSet set, IReadOnlyList<CouncilBallot> ballots,
        IReadOnlyList<EntryInput> decided, string user, bool mayAppraise, DateTime at)
    {
        if (council is null) throw new RefusedException("council.notByCouncil", Where.Request);
        var view = View(council, set, ballots, user, mayAppraise);
        if (!view.MayRecord) throw new RefusedException("council.mayNotRecord", Where.Request, ("user", user));
        if (AssessmentEntries.StateRefusal(assessment, ScoreLayer.Appraisal, at) is { } state) throw new RefusedException(state);
        if (!view.Complete) throw new RefusedException("council.ballotsMissing", Where.Request, ("members", string.Join(", ", view.Pending)));

        var inputs = new List<EntryInput>();
        var problems = new List<Refusal>();
        foreach (var row in view.Rows)
        {
            if (council.Rule == ConsensusRule.ChairDecides)
            {
                var chosen = decided.FirstOrDefault(d => d.CriterionId == row.CriterionId);
                if (chosen is null || (!chosen.Value.GivenFields().Any() && !chosen.NotApplicable))
                {
                    problems.Add(Refusal.Of("council.chairValueRequired", Where.AtCriterion(row.CriterionId), ("criterion", row.CriterionId)));
                    continue;
                }
                var input = chosen with { Layer = ScoreLayer.Appraisal };
                var found = AssessmentEntries.CheckValue(set, input);
                problems.AddRange(found);
                if (found.Count > 0) continue;
                var leaf = set.FindCriterion(row.CriterionId)!;
                var points = input.NotApplicable ? 0 : ScoringEngine.PointsFor(leaf, input.ToScoreEntry());
                var basis = Consensus.Basis(council.Rule, council.Members.Count, row.Scores, Consensus.Describe(input.Value, points));
                inputs.Add(input with { Note = $"{basis}. Lý do: {input.Note!.Trim().Normalize()}" });
            }
            else if (row.Value is { } value)
                inputs.Add(new EntryInput { CriterionId = row.CriterionId, Layer = ScoreLayer.Appraisal, Value = value, Note = row.Basis });
        }
        if (problems.Count > 0) throw new RefusedException(problems);

        var changed = 0;
        foreach (var input in inputs)
        {
            var existing = assessment.Entries.FirstOrDefault(e => e.CriterionId == input.CriterionId && e.Layer == ScoreLayer.Appraisal);
            if (existing is not null && existing.Value.SameAs(input.Value) && (existing.Note ?? "") == input.Note) continue;
            AssessmentEntries.Set(db, assessment, set, input, user, at);
            changed++;
        }
        AuditTrail.Record(db, new AuditLine(user, at, "council.consensus", AuditSubject.Of(assessment))
        {
            New = $"hội đồng {council.Members.Count} thành viên, {Consensus.Words(council.Rule)}; {changed} tiêu chí thay đổi",
        });
        return changed;
    }
}
