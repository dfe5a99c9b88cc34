using System.Globalization;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Scoring;
using DanVan.OrgUnits;

namespace DanVan.Demo;

/// <summary>A unit's character across years: how well it works, how much it over-scores itself, what does not apply.</summary>
internal sealed record UnitProfile(string Code, string Abbrev, string Group, double Quality, double Drift, double Bias, bool CriterionThreeApplies)
{
    public static UnitProfile Create(Random rng, DemoProvince.Planned unit)
    {
        var quality = Math.Clamp(0.8 + 0.12 * Normal(rng), 0.35, 0.99);
        var drift = 0.03 * Normal(rng);
        var bias = Math.Max(0, 0.04 + 0.04 * Normal(rng));
        // Set 01: public service units are not scored on the administrative-reform index (scale of 85);
        // set 02: some communes had no petitions within their competence.
        var applies = unit.Kind switch
        {
            OrgUnitKind.PublicServiceUnit => false,
            OrgUnitKind.ProvincialAgency => rng.NextDouble() > 0.12,
            OrgUnitKind.Commune => rng.NextDouble() > 0.12,
            _ => true,
        };
        return new(unit.Code, unit.Abbrev ?? "UBND", unit.Group!, quality, drift, bias, applies);
    }

    public static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}

/// <summary>Where a demo assessment ends up.</summary>
internal enum DemoState
{
    NotStarted,
    Draft,
    Returned,
    Submitted,
    Appraised,
    Approved,
}

/// <summary>Scores one demo assessment and moves it through the workflow, with simulated dates and users.</summary>
internal sealed class DemoScorer(DanVanDbContext db, Random rng, string coordinator)
{
    private const string Inspector = "doankiemtra.tinh";

    private static readonly string[] ReturnComments =
    [
        "Đề nghị bổ sung tài liệu kiểm chứng tiêu chí 1 và tiêu chí 7.",
        "Điểm tự chấm tiêu chí 5 chưa có giải trình; đề nghị bổ sung.",
        "Biểu tự chấm điểm chưa có xác nhận của Thủ trưởng đơn vị.",
        "Đề nghị rà soát số liệu tiêu chí 4 cho khớp với báo cáo thống kê năm.",
    ];

    private static readonly string[] PointsNotes =
    [
        "Tài liệu kiểm chứng chưa đầy đủ.",
        "Chưa có báo cáo đánh giá kết quả thực hiện.",
        "Điểm tự chấm cao hơn kết quả thực tế.",
        "Một số nội dung chưa triển khai theo kế hoạch.",
    ];

    public void Score(Assessment a, CriteriaSet set, EvaluationPeriod period, UnitProfile profile, int yearIndex, bool lastYear, string? previousBand,
        IReadOnlyDictionary<string, DanVan.Statistics.IndicatorValue>? figures = null)
    {
        var state = PickState(profile.Group, lastYear);
        var late = state is not (DemoState.NotStarted or DemoState.Draft) && rng.NextDouble() < (lastYear ? 0.14 : 0.08);
        if (state == DemoState.NotStarted) return;

        var code = profile.Code;
        var unitUser = $"canbo.{code}";
        var head = $"thutruong.{code}";
        var quality = Math.Clamp(profile.Quality + profile.Drift * yearIndex + 0.03 * UnitProfile.Normal(rng), 0.35, 1);
        var year = period.Year;

        var entered = period.OpensOn.AddDays(rng.Next(2, 18));
        var self = SelfInputs(set, profile, quality, year).ToList();
        if (state == DemoState.Draft) self = self.Take(Math.Max(1, self.Count * rng.Next(3, 8) / 10)).ToList();
        foreach (var input in self) AssessmentEntries.Set(db, a, set, input, unitUser, At(entered));
        // Values the reception log gives (D2), taken as the unit's save takes them; a fixed hour keeps the random stream as it was.
        if (figures is not null) RegistryChecks.TakeValues(db, a, set, figures, unitUser, entered.ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc));
        if (state == DemoState.Draft) return;

        var submitted = late ? period.Deadline.AddDays(rng.Next(1, 12)) : period.Deadline.AddDays(-rng.Next(0, 10));
        if (submitted < entered) submitted = entered.AddDays(1);
        AssessmentWorkflow.Confirm(db, a, head, At(submitted, 1, 4));
        AssessmentWorkflow.Submit(db, a, period, set, unitUser, At(submitted, 4, 9));
        if (state == DemoState.Submitted) return;

        var reviewed = Later(submitted.AddDays(1), period.Deadline.AddDays(rng.Next(4, 9)));
        if (state == DemoState.Returned || rng.NextDouble() < 0.06)
        {
            AssessmentWorkflow.Return(db, a, ReturnComments[rng.Next(ReturnComments.Length)], coordinator, At(reviewed));
            if (state == DemoState.Returned) return;
            // Resubmitted after revision: one points criterion lowered by a step with an explanation.
            var resubmitted = reviewed.AddDays(rng.Next(2, 6));
            var revised = self.FirstOrDefault(i => i.Points is > 1 && set.FindCriterion(i.CriterionId)?.Method?.Type == ScoringMethodType.Points);
            if (revised is not null)
            {
                var step = set.FindCriterion(revised.CriterionId)!.Method!.Step ?? ScoreEntryRules.DefaultStep;
                AssessmentEntries.Set(db, a, set, revised with { Points = revised.Points - step, Note = "Điều chỉnh theo ý kiến của cơ quan thẩm định." }, unitUser, At(resubmitted));
            }
            AssessmentWorkflow.Confirm(db, a, head, At(resubmitted, 4, 6));
            AssessmentWorkflow.Submit(db, a, period, set, unitUser, At(resubmitted, 6, 9));
            reviewed = resubmitted;
        }

        var appraised = Later(reviewed, period.Deadline.AddDays(rng.Next(8, 16)));
        var adjusted = 0;
        if (rng.NextDouble() < (lastYear ? 0.8 : 0.75))
        {
            // A value taken from the registry is not the unit's judgement to adjust (and leaves the random stream as it was).
            foreach (var input in a.Entries.Where(e => e.Layer == ScoreLayer.Self && !e.NotApplicable && !RegistryChecks.TakesValue(set.FindCriterion(e.CriterionId)!))
                .Select(ToInput).ToList())
            {
                if (rng.NextDouble() > 0.18 + profile.Bias * 3) continue;
                var criterion = set.FindCriterion(input.CriterionId)!;
                if (Appraise(criterion, input, quality) is not { } appraisal) continue;
                AssessmentEntries.Set(db, a, set, appraisal, coordinator, At(appraised));
                adjusted++;
            }
        }
        if (rng.NextDouble() < 0.08)
        {
            var (id, note) = rng.NextDouble() < 0.6
                ? ("D1", "Đoàn kiểm tra ghi nhận 01 công chức bị kỷ luật khiển trách do vi phạm trong tiếp công dân.")
                : ("D2", "Đoàn kiểm tra ghi nhận 01 vụ khiếu kiện đông người, vượt cấp thuộc trách nhiệm giải quyết của đơn vị.");
            AssessmentEntries.Set(db, a, set, new EntryInput { CriterionId = id, Layer = ScoreLayer.Inspection, Count = 1, Note = note }, Inspector, At(appraised.AddDays(1)));
            adjusted++;
        }
        if (rng.NextDouble() < 0.01)
            AssessmentWorkflow.SetFlags(db, a, set, ["ky-luat"], $"Quyết định kỷ luật tập thể lãnh đạo năm {year}.", coordinator, At(appraised));

        if (adjusted > 0 || state == DemoState.Appraised) AssessmentWorkflow.MarkAppraised(db, a, coordinator, At(appraised.AddDays(1)));
        if (state == DemoState.Appraised) return;

        var approved = Later(appraised.AddDays(3), new DateOnly(year, 12, rng.Next(15, 26)));
        AssessmentWorkflow.Approve(db, a, set, previousBand, coordinator, At(approved));
    }

    private DemoState PickState(string group, bool lastYear)
    {
        // Cumulative shares of NotStarted, Draft, Returned, Submitted, Appraised; the rest is Approved.
        double[] shares = (lastYear, group) switch
        {
            (false, "cap-xa") => [0.06, 0, 0, 0, 0],
            (false, _) => [0.02, 0, 0, 0, 0],
            (true, "cap-xa") => [0.11, 0.09, 0.05, 0.22, 0.10],
            (true, "cap-huyen") => [0, 0, 0.12, 0.25, 0.13],
            (true, _) => [0.04, 0.05, 0.06, 0.22, 0.13],
        };
        var x = rng.NextDouble();
        var sum = 0.0;
        for (var i = 0; i < shares.Length; i++)
        {
            sum += shares[i];
            if (x < sum) return (DemoState)i;
        }
        return DemoState.Approved;
    }

    private IEnumerable<EntryInput> SelfInputs(CriteriaSet set, UnitProfile profile, double quality, int year)
    {
        foreach (var leaf in Leaves(set.Criteria, profile))
        {
            if (leaf.NotApplicable)
            {
                yield return new EntryInput { CriterionId = leaf.Criterion.Id, NotApplicable = true, Note = NotApplicableNote(set, leaf.Criterion) };
                continue;
            }
            var r = Math.Clamp(quality + profile.Bias + 0.08 * UnitProfile.Normal(rng), 0, 1);
            yield return Value(leaf.Criterion, r, ScoreLayer.Self, target: null) with { Note = SelfNote(leaf.Criterion, profile, year) };
        }

        if (quality > 0.85 && rng.NextDouble() < 0.45)
            yield return new EntryInput { CriterionId = "T1", Count = rng.Next(1, 3), Note = "Mô hình được UBND tỉnh tặng Bằng khen." };
        if (quality > 0.8 && rng.NextDouble() < 0.25)
            yield return new EntryInput { CriterionId = "T2", Points = rng.Next(1, 5) * 0.5m, Note = "Sáng kiến được Hội đồng sáng kiến công nhận." };
        if (rng.NextDouble() < 0.03)
            yield return new EntryInput { CriterionId = "D1", Count = 1, Note = "01 công chức bị kỷ luật khiển trách." };
    }

    private EntryInput? Appraise(Criterion criterion, EntryInput self, double quality)
    {
        if (criterion.Method is null) return null;
        var lower = rng.NextDouble() < 0.88;
        var r = Math.Clamp(quality + (lower ? -0.04 : 0.06) + 0.06 * UnitProfile.Normal(rng), 0, 1);
        var value = Value(criterion, r, ScoreLayer.Appraisal, self.Target);
        var before = ScoringEngine.PointsFor(criterion, self.ToScoreEntry());
        var after = ScoringEngine.PointsFor(criterion, value.ToScoreEntry());
        if (lower ? after >= before : after <= before) return null;
        var note = !lower
            ? "Đơn vị bổ sung tài liệu kiểm chứng trong quá trình thẩm định."
            : criterion.Method.Type switch
            {
                ScoringMethodType.Levels when criterion.Id.EndsWith(".1", StringComparison.Ordinal) && criterion.Name.StartsWith("Ban hành", StringComparison.Ordinal)
                    => "Kế hoạch ban hành chậm so với quy định.",
                ScoringMethodType.Levels when criterion.Name.Contains("tiếp công dân", StringComparison.Ordinal)
                    => "Số buổi tiếp công dân định kỳ chưa đủ theo quy định.",
                ScoringMethodType.Levels => "Có báo cáo gửi chậm so với thời hạn.",
                ScoringMethodType.Checklist => "Chưa có tài liệu kiểm chứng cho một số nội dung đã đánh dấu.",
                ScoringMethodType.Ratio => "Số liệu tự đánh giá chưa khớp với báo cáo thống kê; điều chỉnh theo số liệu thẩm định.",
                _ => PointsNotes[rng.Next(PointsNotes.Length)],
            };
        return value with { Note = note };
    }

    private EntryInput Value(Criterion c, double r, ScoreLayer layer, decimal? target)
    {
        var m = c.Method!;
        var max = c.MaxPoints;
        var input = new EntryInput { CriterionId = c.Id, Layer = layer };
        switch (m.Type)
        {
            case ScoringMethodType.Points:
                var step = m.Step ?? ScoreEntryRules.DefaultStep;
                return input with { Points = Math.Floor(max * (decimal)r / step) * step };
            case ScoringMethodType.Levels:
                var wanted = max * (decimal)r;
                return input with { Level = m.Levels.OrderBy(l => Math.Abs(l.Points - wanted)).ThenByDescending(l => l.Points).First().Code };
            case ScoringMethodType.Checklist:
                var p = Math.Min(1, r + 0.1);
                return input with { Checked = m.Items.Where(_ => rng.NextDouble() < p).Select(i => i.Id).ToList() };
            case ScoringMethodType.Ratio when m.Target is { } fixedTarget:
                var share = Math.Clamp(0.55 + 0.45 * r + 0.02 * UnitProfile.Normal(rng), 0, 1);
                return input with { Achieved = Math.Round(fixedTarget * (decimal)share, 1) };
            case ScoringMethodType.Ratio:
                var t = target ?? (m.Unit == "cuộc" ? rng.Next(2, 7) : rng.Next(20, 400) * 10);
                return input with { Target = t, Achieved = Math.Round(t * (decimal)Math.Clamp(0.4 + 0.6 * r, 0, 1.1)) };
            case ScoringMethodType.Count:
                return input with { Count = 0 };
            default:
                return input;
        }
    }

    private string? SelfNote(Criterion c, UnitProfile profile, int year)
    {
        if (c.Method?.Type == ScoringMethodType.Levels && c.Name.StartsWith("Ban hành Kế hoạch", StringComparison.Ordinal))
        {
            var day = new DateOnly(year, 1, 1).AddDays(rng.Next(20, 80));
            return $"Kế hoạch số {rng.Next(3, 150)}/KH-{profile.Abbrev} ngày {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.";
        }
        return rng.NextDouble() < 0.3 ? "Có báo cáo, tài liệu kiểm chứng kèm theo." : null;
    }

    private static string NotApplicableNote(CriteriaSet set, Criterion c) =>
        set.Id == DemoCriteria.AgenciesKey
            ? "Đơn vị không thuộc đối tượng chấm điểm chỉ số cải cách hành chính."
            : $"Trong năm không phát sinh đơn thư thuộc thẩm quyền ({c.Id}).";

    private static IEnumerable<(Criterion Criterion, bool NotApplicable)> Leaves(IEnumerable<Criterion> list, UnitProfile profile)
    {
        foreach (var c in list)
        {
            if (c.MayNotApply && !profile.CriterionThreeApplies)
            {
                yield return (c, true);
                continue;
            }
            if (c.IsLeaf) yield return (c, false);
            else foreach (var leaf in Leaves(c.Children, profile)) yield return leaf;
        }
    }

    private static EntryInput ToInput(AssessmentEntry e) => new()
    {
        CriterionId = e.CriterionId,
        Layer = e.Layer,
        Points = e.Points,
        Level = e.Level,
        Checked = e.Checked?.Split(',', StringSplitOptions.RemoveEmptyEntries),
        Achieved = e.Achieved,
        Target = e.Target,
        Count = e.Count,
        NotApplicable = e.NotApplicable,
        Note = e.Note,
    };

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A time on that day in office hours (08:00–16:00 in Vietnam, UTC+7), as UTC.</summary>
    private DateTime At(DateOnly day, int fromHour = 1, int toHour = 9) =>
        day.ToDateTime(new TimeOnly(rng.Next(fromHour, toHour), rng.Next(0, 60)), DateTimeKind.Utc);
}
