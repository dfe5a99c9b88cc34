using DanVan.Refusals;
using DanVan.Registries;

namespace DanVan.Criteria;

/// <summary>Checks a criteria set's internal consistency; every refusal (codes <c>criteria.*</c>) names its JSON path.</summary>
public static class CriteriaSetValidator
{
    /// <summary>Returns every refusal; empty when the set is valid.</summary>
    public static IReadOnlyList<Refusal> Validate(CriteriaSet set)
    {
        var errors = new List<Refusal>();
        void Error(string path, string code, params (string, object?)[] args) => errors.Add(Refusal.Of(code, Where.AtPath(path), args));

        // A list element written as null gets past the serializer (it checks properties, not elements); every
        // later check assumes none, so nulls are reported alone.
        CheckNoNulls(set, Error);
        if (errors.Count > 0) return errors;

        if (set.FormatVersion != 1) Error("$.formatVersion", "criteria.formatVersion", ("found", set.FormatVersion));
        if (string.IsNullOrWhiteSpace(set.Id)) Error("$.id", "criteria.idRequired");
        if (set.Version < 1) Error("$.version", "criteria.versionTooLow");
        if (string.IsNullOrWhiteSpace(set.Decision.Number)) Error("$.decision.number", "criteria.decisionNumberRequired");
        if (set.Criteria.Count == 0) Error("$.criteria", "criteria.noCriteria");
        var groups = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.AppliesTo.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(set.AppliesTo[i])) Error($"$.appliesTo[{i}]", "criteria.groupCodeEmpty");
            else if (!groups.Add(set.AppliesTo[i])) Error($"$.appliesTo[{i}]", "criteria.duplicateGroup", ("code", set.AppliesTo[i]));
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        CheckList(set.Criteria, "$.criteria", ScoredBy.Unit, ids, Error);
        CheckList(set.Bonus, "$.bonus", ScoredBy.Unit, ids, Error);
        CheckList(set.Deductions, "$.deductions", ScoredBy.Unit, ids, Error);

        var topSum = set.Criteria.Sum(c => c.MaxPoints);
        if (set.MaxPoints <= 0) Error("$.maxPoints", "criteria.maxPointsNotPositive", ("found", set.MaxPoints));
        else if (set.Criteria.Count > 0 && topSum != set.MaxPoints)
            Error("$.maxPoints", "criteria.maxPointsSum", ("sum", topSum), ("max", set.MaxPoints));
        if (set.BonusCap is < 0) Error("$.bonusCap", "criteria.capNegative", ("field", "bonusCap"));
        if (set.DeductionCap is < 0) Error("$.deductionCap", "criteria.capNegative", ("field", "deductionCap"));

        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Flags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(set.Flags[i].Code)) Error($"$.flags[{i}].code", "criteria.flagCodeRequired");
            else if (!flags.Add(set.Flags[i].Code)) Error($"$.flags[{i}].code", "criteria.duplicateFlag", ("code", set.Flags[i].Code));
        }

        CheckBands(set, Error);
        CheckRules(set, ids, flags, Error);
        return errors;
    }

    private static void CheckList(IReadOnlyList<Criterion> list, string path, ScoredBy inherited,
        Dictionary<string, string> ids, Action<string, string, (string, object?)[]> error)
    {
        for (var i = 0; i < list.Count; i++)
            CheckCriterion(list[i], $"{path}[{i}]", inherited, ids, error);
    }

    private static void CheckCriterion(Criterion c, string path, ScoredBy inherited,
        Dictionary<string, string> ids, Action<string, string, (string, object?)[]> error)
    {
        if (string.IsNullOrWhiteSpace(c.Id)) error($"{path}.id", "criteria.criterionIdRequired", []);
        else if (!ids.TryAdd(c.Id, path)) error($"{path}.id", "criteria.duplicateId", [("id", c.Id), ("first", ids[c.Id])]);
        if (string.IsNullOrWhiteSpace(c.Name)) error($"{path}.name", "criteria.nameRequired", []);
        if (c.MaxPoints <= 0) error($"{path}.maxPoints", "criteria.maxPointsNotPositive", [("found", c.MaxPoints)]);

        if (c.IsLeaf)
        {
            if (c.Method is null) error($"{path}.method", "criteria.methodRequired", []);
            else CheckMethod(c.Method, c.MaxPoints, $"{path}.method", error);
            if (c.Registry is { } link) CheckRegistry(link, c.Method, path.StartsWith("$.deductions", StringComparison.Ordinal), $"{path}.registry", error);
            return;
        }

        if (c.Method is not null) error($"{path}.method", "criteria.methodOnParent", []);
        if (c.Registry is not null) error($"{path}.registry", "criteria.registryOnParent", []);
        var sum = c.Children.Sum(x => x.MaxPoints);
        if (sum != c.MaxPoints)
            error($"{path}.children", "criteria.childrenSum", [("sum", sum), ("max", c.MaxPoints)]);
        CheckList(c.Children, $"{path}.children", c.ScoredBy == ScoredBy.Superior ? ScoredBy.Superior : inherited, ids, error);
    }

    private static void CheckMethod(ScoringMethod m, decimal max, string path, Action<string, string, (string, object?)[]> error)
    {
        switch (m.Type)
        {
            case ScoringMethodType.Points:
                if (m.Step is { } step && (step <= 0 || max % step != 0))
                    error($"{path}.step", "criteria.stepInvalid", [("step", step), ("max", max)]);
                break;
            case ScoringMethodType.Levels:
                if (m.Levels.Count == 0) error($"{path}.levels", "criteria.levelsRequired", []);
                var codes = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < m.Levels.Count; i++)
                {
                    var level = m.Levels[i];
                    if (!codes.Add(level.Code)) error($"{path}.levels[{i}].code", "criteria.duplicateLevel", [("code", level.Code)]);
                    if (level.Points < 0 || level.Points > max)
                        error($"{path}.levels[{i}].points", "criteria.levelPointsOutOfRange", [("points", level.Points), ("max", max)]);
                }
                break;
            case ScoringMethodType.Checklist:
                if (m.Items.Count == 0) error($"{path}.items", "criteria.itemsRequired", []);
                var itemIds = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < m.Items.Count; i++)
                {
                    if (!itemIds.Add(m.Items[i].Id)) error($"{path}.items[{i}].id", "criteria.duplicateItem", [("id", m.Items[i].Id)]);
                    if (m.Items[i].Points <= 0) error($"{path}.items[{i}].points", "criteria.itemPointsNotPositive", []);
                }
                var total = m.Items.Sum(x => x.Points);
                if (m.Items.Count > 0 && total != max)
                    error($"{path}.items", "criteria.itemsSum", [("sum", total), ("max", max)]);
                break;
            case ScoringMethodType.Ratio:
                if (m.Target is <= 0) error($"{path}.target", "criteria.targetNotPositive", []);
                break;
            case ScoringMethodType.Count:
                if (m.PointsEach is not > 0) error($"{path}.pointsEach", "criteria.pointsEachRequired", []);
                break;
            default:
                error($"{path}.type", "criteria.unknownMethod", [("type", m.Type.ToString())]);
                break;
        }

        if (m.Decimals is < 0 or > 4) error($"{path}.decimals", "criteria.decimalsOutOfRange", []);

        // A field of another method is a mistake (e.g. levels written under a points method): it would be ignored silently.
        var type = m.Type;
        void NotFor(bool present, string field, ScoringMethodType owner)
        {
            if (present && type != owner) error($"{path}.{field}", "criteria.fieldOfOtherMethod", [("field", field), ("owner", Name(owner)), ("type", Name(type))]);
        }
        NotFor(m.Step is not null, "step", ScoringMethodType.Points);
        NotFor(m.Levels.Count > 0, "levels", ScoringMethodType.Levels);
        NotFor(m.Items.Count > 0, "items", ScoringMethodType.Checklist);
        NotFor(m.Target is not null, "target", ScoringMethodType.Ratio);
        NotFor(m.LowerIsBetter, "lowerIsBetter", ScoringMethodType.Ratio);
        NotFor(m.Decimals is not null, "decimals", ScoringMethodType.Ratio);
        NotFor(m.PointsEach is not null, "pointsEach", ScoringMethodType.Count);
    }

    // The figure must be in the catalogue (registries add theirs); the expectation must fit its shape; a taken value
    // must fit the method (a count into a count, a count or a rate into a ratio's achieved figure).
    private static void CheckRegistry(RegistryLink link, ScoringMethod? method, bool deduction, string path, Action<string, string, (string, object?)[]> error)
    {
        if (string.IsNullOrWhiteSpace(link.Figure) || !RegistryFigures.Catalogue.TryGetValue(link.Figure, out var figure))
        {
            error($"{path}.figure", "criteria.unknownFigure", [("figure", link.Figure)]);
            return;
        }

        var shape = CamelCaseEnum.Name(figure.Shape);
        var expectations = new[] { ("atLeast", link.AtLeast is not null), ("atMost", link.AtMost is not null), ("expect", link.Expect is not null) }
            .Where(x => x.Item2).Select(x => x.Item1).ToList();
        if (expectations.Count > 1) error(path, "criteria.registryOneExpectation", [("fields", expectations)]);
        if (link.TakeValue && expectations.Count > 0) error(path, "criteria.registryTakeValueAndExpectation", []);
        if (deduction && expectations.Count > 0) error(path, "criteria.registryExpectationOnDeduction", []);

        foreach (var (field, bound) in new[] { ("atLeast", link.AtLeast), ("atMost", link.AtMost) })
        {
            if (bound is not { } value) continue;
            if (figure.Shape == FigureShape.YesNo)
                error($"{path}.{field}", "criteria.registryExpectationShape", [("field", field), ("figure", figure.Code), ("shape", shape)]);
            else if ((field == "atLeast" ? value <= 0 : value < 0) || (figure.Shape == FigureShape.Ratio && value > 100))
                error($"{path}.{field}", "criteria.registryBoundOutOfRange", [("field", field), ("value", value),
                    ("range", (field == "atLeast" ? "(0, " : "[0, ") + (figure.Shape == FigureShape.Ratio ? "100]" : "∞)"))]);
        }
        if (link.Expect is not null && figure.Shape != FigureShape.YesNo)
            error($"{path}.expect", "criteria.registryExpectationShape", [("field", "expect"), ("figure", figure.Code), ("shape", shape)]);

        if (!link.TakeValue || method is null) return;
        var fits = method.Type switch
        {
            ScoringMethodType.Count => figure.Shape == FigureShape.Count,
            ScoringMethodType.Ratio => figure.Shape is FigureShape.Count or FigureShape.Ratio,
            _ => (bool?)null,
        };
        if (fits is null)
            error($"{path}.takeValue", "criteria.registryTakeValueMethod", [("method", Name(method.Type))]);
        else if (fits == false)
            error($"{path}.takeValue", "criteria.registryTakeValueShape", [("figure", figure.Code), ("shape", shape), ("method", Name(method.Type))]);
    }

    private static string Name(ScoringMethodType type) => Enum.IsDefined(type) ? CamelCaseEnum.Name(type) : type.ToString();

    private static void CheckBands(CriteriaSet set, Action<string, string, (string, object?)[]> error)
    {
        var bands = set.Classification.Bands;
        if (bands.Count == 0)
        {
            error("$.classification.bands", "criteria.bandsRequired", []);
            return;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bands.Count; i++)
        {
            var path = $"$.classification.bands[{i}]";
            var band = bands[i];
            if (string.IsNullOrWhiteSpace(band.Code)) error($"{path}.code", "criteria.bandCodeRequired", []);
            else if (!codes.Add(band.Code)) error($"{path}.code", "criteria.duplicateBand", [("code", band.Code)]);
            if (string.IsNullOrWhiteSpace(band.Label)) error($"{path}.label", "criteria.bandLabelRequired", []);
            if (band.Code == ClassificationRule.NotEligible) error($"{path}.code", "criteria.bandCodeReserved", [("code", ClassificationRule.NotEligible)]);
            if (band.Min < 0 || band.Min > set.MaxPoints)
                error($"{path}.min", "criteria.bandMinOutOfRange", [("min", band.Min), ("max", set.MaxPoints)]);
            if (i == 0)
            {
                if (band.Below is { } top && top <= set.MaxPoints)
                    error($"{path}.below", "criteria.topBandGap", [("below", top), ("max", set.MaxPoints)]);
                continue;
            }

            var above = bands[i - 1];
            if (band.Min >= above.Min)
                error($"{path}.min", "criteria.bandsNotSorted", [("min", band.Min), ("aboveMin", above.Min), ("above", above.Code)]);
            else if (band.Below is { } below && below > above.Min)
                error($"{path}.below", "criteria.bandOverlap", [("below", below), ("above", above.Code), ("aboveMin", above.Min)]);
            else if (band.Below is { } gapBelow && gapBelow < above.Min)
                error($"{path}.below", "criteria.bandGap", [("below", gapBelow), ("above", above.Code), ("aboveMin", above.Min)]);
        }

        if (bands[^1].Min != 0)
            error($"$.classification.bands[{bands.Count - 1}].min", "criteria.lowestBandNotZero", [("min", bands[^1].Min)]);
    }

    private static void CheckRules(CriteriaSet set, Dictionary<string, string> ids, HashSet<string> flags,
        Action<string, string, (string, object?)[]> error)
    {
        var bandCodes = set.Classification.Bands.Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < set.Classification.Rules.Count; i++)
        {
            var rule = set.Classification.Rules[i];
            var path = $"$.classification.rules[{i}]";

            if (rule.CapAt is { } cap && !bandCodes.Contains(cap)) error($"{path}.capAt", "criteria.noBand", [("band", cap)]);
            if (rule.SetTo is { } to && !bandCodes.Contains(to) && to != ClassificationRule.NotEligible)
                error($"{path}.setTo", "criteria.noBand", [("band", to)]);
            if (rule.SetTo == ClassificationRule.NotEligible && set.Classification.NotEligibleLabel is null)
                error($"{path}.setTo", "criteria.notEligibleLabelRequired", []);

            var needsAction = rule.Type is not (RuleType.MaxStepsAbovePrevious or RuleType.BandShareCap);
            if (needsAction && (rule.CapAt is null) == (rule.SetTo is null))
                error(path, "criteria.ruleActionRequired", []);
            if (!needsAction && (rule.CapAt ?? rule.SetTo) is not null)
                error(path, "criteria.ruleMovesItself", [("type", Name(rule.Type))]);

            var type = rule.Type;
            void NotFor(bool present, string field, params RuleType[] owners)
            {
                if (present && !owners.Contains(type))
                    error($"{path}.{field}", "criteria.fieldOfOtherRule", [("field", field), ("owners", owners.Select(o => Name(o)).ToList()), ("type", Name(type))]);
            }
            NotFor(rule.Criteria.Count > 0, "criteria", RuleType.CriterionBelowShare);
            NotFor(rule.Share is not null, "share", RuleType.CriterionBelowShare, RuleType.BandShareCap);
            NotFor(rule.MinCount is not null, "minCount", RuleType.CriterionBelowShare);
            NotFor(rule.Flag is not null, "flag", RuleType.Flag);
            NotFor(rule.Steps is not null, "steps", RuleType.MaxStepsAbovePrevious);
            NotFor(rule.Band is not null, "band", RuleType.BandShareCap);

            switch (rule.Type)
            {
                case RuleType.CriterionBelowShare:
                    if (rule.Share is not (> 0 and <= 1)) error($"{path}.share", "criteria.shareOutOfRange", [("range", "(0, 1]")]);
                    if (rule.MinCount is < 1) error($"{path}.minCount", "criteria.minCountTooLow", []);
                    for (var j = 0; j < rule.Criteria.Count; j++)
                        if (!ids.ContainsKey(rule.Criteria[j]))
                            error($"{path}.criteria[{j}]", "criteria.noCriterion", [("id", rule.Criteria[j])]);
                    var looked = rule.Criteria.Count > 0 ? rule.Criteria.Count : set.Criteria.Count;
                    if (rule.MinCount > looked)
                        error($"{path}.minCount", "criteria.minCountTooHigh", [("minCount", rule.MinCount), ("looked", looked)]);
                    break;
                case RuleType.Flag:
                    if (rule.Flag is null || !flags.Contains(rule.Flag))
                        error($"{path}.flag", "criteria.noFlag", [("flag", rule.Flag)]);
                    break;
                case RuleType.MaxStepsAbovePrevious:
                    if (rule.Steps is not >= 0) error($"{path}.steps", "criteria.stepsNegative", []);
                    break;
                case RuleType.BandShareCap:
                    if (rule.Band is null || !bandCodes.Contains(rule.Band)) error($"{path}.band", "criteria.noBand", [("band", rule.Band)]);
                    else if (rule.Band == set.Classification.Bands[^1].Code) error($"{path}.band", "criteria.lowestBandCapped", []);
                    if (rule.Share is not (>= 0 and <= 1)) error($"{path}.share", "criteria.shareOutOfRange", [("range", "[0, 1]")]);
                    break;
                case RuleType.NotSubmitted:
                    break;
                default:
                    error($"{path}.type", "criteria.unknownRuleType", [("type", rule.Type.ToString())]);
                    break;
            }
        }
    }

    private static string Name(RuleType type) => Enum.IsDefined(type) ? CamelCaseEnum.Name(type) : type.ToString();

    private static void CheckNoNulls(CriteriaSet set, Action<string, string, (string, object?)[]> error)
    {
        void Elements(IReadOnlyList<object?> list, string path)
        {
            for (var i = 0; i < list.Count; i++)
                if (list[i] is null) error($"{path}[{i}]", "criteria.nullElement", []);
        }

        void Criteria(IReadOnlyList<Criterion?> list, string path)
        {
            Elements(list, path);
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not { } c) continue;
                Criteria(c.Children, $"{path}[{i}].children");
                if (c.Method is null) continue;
                Elements(c.Method.Levels, $"{path}[{i}].method.levels");
                Elements(c.Method.Items, $"{path}[{i}].method.items");
            }
        }

        Elements(set.Replaces, "$.replaces");
        Elements(set.AppliesTo, "$.appliesTo");
        if (set.Source is { } source)
        {
            Elements(source.Urls, "$.source.urls");
            Elements(source.Assumptions, "$.source.assumptions");
        }
        Criteria(set.Criteria, "$.criteria");
        Criteria(set.Bonus, "$.bonus");
        Criteria(set.Deductions, "$.deductions");
        Elements(set.Flags, "$.flags");
        Elements(set.Classification.Bands, "$.classification.bands");
        Elements(set.Classification.Rules, "$.classification.rules");
        for (var i = 0; i < set.Classification.Rules.Count; i++)
            if (set.Classification.Rules[i] is { } rule) Elements(rule.Criteria, $"$.classification.rules[{i}].criteria");
    }
}
