namespace DanVan.Criteria;

/// <summary>A rule broken by a criteria set, at a JSON path.</summary>
public sealed record ValidationError(string Path, string Message);

/// <summary>Checks a criteria set's internal consistency; every error names its JSON path.</summary>
public static class CriteriaSetValidator
{
    /// <summary>Returns every error found; empty when the set is valid.</summary>
    public static IReadOnlyList<ValidationError> Validate(CriteriaSet set)
    {
        var errors = new List<ValidationError>();
        // Messages are English and read the same on every server: numbers are written in the invariant form.
        void Error(string path, FormattableString message) => errors.Add(new(path, FormattableString.Invariant(message)));

        // A list element written as null gets past the serializer (it checks properties, not elements); every
        // later check assumes none, so nulls are reported alone.
        CheckNoNulls(set, Error);
        if (errors.Count > 0) return errors;

        if (set.FormatVersion != 1) Error("$.formatVersion", $"unsupported format version {set.FormatVersion}; expected 1");
        if (string.IsNullOrWhiteSpace(set.Id)) Error("$.id", $"the set needs an id");
        if (set.Version < 1) Error("$.version", $"version must be 1 or more");
        if (string.IsNullOrWhiteSpace(set.Decision.Number)) Error("$.decision.number", $"the decision needs a number");
        if (set.Criteria.Count == 0) Error("$.criteria", $"the set has no criteria");
        var groups = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.AppliesTo.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(set.AppliesTo[i])) Error($"$.appliesTo[{i}]", $"a group code must not be empty");
            else if (!groups.Add(set.AppliesTo[i])) Error($"$.appliesTo[{i}]", $"duplicate group code '{set.AppliesTo[i]}'");
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        CheckList(set.Criteria, "$.criteria", ScoredBy.Unit, ids, Error);
        CheckList(set.Bonus, "$.bonus", ScoredBy.Unit, ids, Error);
        CheckList(set.Deductions, "$.deductions", ScoredBy.Unit, ids, Error);

        var topSum = set.Criteria.Sum(c => c.MaxPoints);
        if (set.MaxPoints <= 0) Error("$.maxPoints", $"maxPoints must be greater than 0");
        else if (set.Criteria.Count > 0 && topSum != set.MaxPoints)
            Error("$.maxPoints", $"the criteria's maxima add up to {topSum}, not {set.MaxPoints}");
        if (set.BonusCap is < 0) Error("$.bonusCap", $"bonusCap must not be negative");
        if (set.DeductionCap is < 0) Error("$.deductionCap", $"deductionCap must not be negative");

        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Flags.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(set.Flags[i].Code)) Error($"$.flags[{i}].code", $"a flag needs a code");
            else if (!flags.Add(set.Flags[i].Code)) Error($"$.flags[{i}].code", $"duplicate flag code '{set.Flags[i].Code}'");
        }

        CheckBands(set, Error);
        CheckRules(set, ids, flags, Error);
        return errors;
    }

    private static void CheckList(IReadOnlyList<Criterion> list, string path, ScoredBy inherited,
        Dictionary<string, string> ids, Action<string, FormattableString> error)
    {
        for (var i = 0; i < list.Count; i++)
            CheckCriterion(list[i], $"{path}[{i}]", inherited, ids, error);
    }

    private static void CheckCriterion(Criterion c, string path, ScoredBy inherited,
        Dictionary<string, string> ids, Action<string, FormattableString> error)
    {
        if (string.IsNullOrWhiteSpace(c.Id)) error($"{path}.id", $"the criterion needs an id");
        else if (!ids.TryAdd(c.Id, path)) error($"{path}.id", $"duplicate id '{c.Id}' (first at {ids[c.Id]})");
        if (string.IsNullOrWhiteSpace(c.Name)) error($"{path}.name", $"the criterion needs a name");
        if (c.MaxPoints <= 0) error($"{path}.maxPoints", $"maxPoints must be greater than 0 (found {c.MaxPoints})");

        if (c.IsLeaf)
        {
            if (c.Method is null) error($"{path}.method", $"a criterion without children needs a scoring method");
            else CheckMethod(c.Method, c.MaxPoints, $"{path}.method", error);
            return;
        }

        if (c.Method is not null) error($"{path}.method", $"a criterion with children is scored by them; remove its method");
        var sum = c.Children.Sum(x => x.MaxPoints);
        if (sum != c.MaxPoints)
            error($"{path}.children", $"the children's maxima add up to {sum}, not the parent's {c.MaxPoints}");
        CheckList(c.Children, $"{path}.children", c.ScoredBy == ScoredBy.Superior ? ScoredBy.Superior : inherited, ids, error);
    }

    private static void CheckMethod(ScoringMethod m, decimal max, string path, Action<string, FormattableString> error)
    {
        switch (m.Type)
        {
            case ScoringMethodType.Points:
                if (m.Step is { } step && (step <= 0 || max % step != 0))
                    error($"{path}.step", $"step must be greater than 0 and divide the maximum {max} (found {step})");
                break;
            case ScoringMethodType.Levels:
                if (m.Levels.Count == 0) error($"{path}.levels", $"a levels method needs at least one level");
                var codes = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < m.Levels.Count; i++)
                {
                    var level = m.Levels[i];
                    if (!codes.Add(level.Code)) error($"{path}.levels[{i}].code", $"duplicate level code '{level.Code}'");
                    if (level.Points < 0 || level.Points > max)
                        error($"{path}.levels[{i}].points", $"level points must be within [0, {max}] (found {level.Points})");
                }
                break;
            case ScoringMethodType.Checklist:
                if (m.Items.Count == 0) error($"{path}.items", $"a checklist needs at least one item");
                var itemIds = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < m.Items.Count; i++)
                {
                    if (!itemIds.Add(m.Items[i].Id)) error($"{path}.items[{i}].id", $"duplicate item id '{m.Items[i].Id}'");
                    if (m.Items[i].Points <= 0) error($"{path}.items[{i}].points", $"item points must be greater than 0");
                }
                var total = m.Items.Sum(x => x.Points);
                if (m.Items.Count > 0 && total != max)
                    error($"{path}.items", $"the items add up to {total}, not the criterion's maximum {max}");
                break;
            case ScoringMethodType.Ratio:
                if (m.Target is <= 0) error($"{path}.target", $"target must be greater than 0");
                break;
            case ScoringMethodType.Count:
                if (m.PointsEach is not > 0) error($"{path}.pointsEach", $"a count method needs pointsEach greater than 0");
                break;
            default:
                error($"{path}.type", $"unknown scoring method '{m.Type}'");
                break;
        }

        if (m.Decimals is < 0 or > 4) error($"{path}.decimals", $"decimals must be within 0–4");

        // A field of another method is a mistake (e.g. levels written under a points method): it would be ignored silently.
        var type = m.Type;
        void NotFor(bool present, string field, ScoringMethodType owner)
        {
            if (present && type != owner) error($"{path}.{field}", $"'{field}' belongs to the {Name(owner)} method, not {Name(type)}");
        }
        NotFor(m.Step is not null, "step", ScoringMethodType.Points);
        NotFor(m.Levels.Count > 0, "levels", ScoringMethodType.Levels);
        NotFor(m.Items.Count > 0, "items", ScoringMethodType.Checklist);
        NotFor(m.Target is not null, "target", ScoringMethodType.Ratio);
        NotFor(m.LowerIsBetter, "lowerIsBetter", ScoringMethodType.Ratio);
        NotFor(m.Decimals is not null, "decimals", ScoringMethodType.Ratio);
        NotFor(m.PointsEach is not null, "pointsEach", ScoringMethodType.Count);
    }

    private static string Name(ScoringMethodType type) => Enum.IsDefined(type) ? CamelCaseEnum.Name(type) : type.ToString();

    private static void CheckBands(CriteriaSet set, Action<string, FormattableString> error)
    {
        var bands = set.Classification.Bands;
        if (bands.Count == 0)
        {
            error("$.classification.bands", $"at least one band is needed");
            return;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bands.Count; i++)
        {
            var path = $"$.classification.bands[{i}]";
            var band = bands[i];
            if (string.IsNullOrWhiteSpace(band.Code)) error($"{path}.code", $"a band needs a code");
            else if (!codes.Add(band.Code)) error($"{path}.code", $"duplicate band code '{band.Code}'");
            if (string.IsNullOrWhiteSpace(band.Label)) error($"{path}.label", $"a band needs a label");
            if (band.Code == ClassificationRule.NotEligible) error($"{path}.code", $"'{ClassificationRule.NotEligible}' is reserved");
            if (band.Min < 0 || band.Min > set.MaxPoints)
                error($"{path}.min", $"min must be within [0, {set.MaxPoints}] (found {band.Min})");
            if (i == 0)
            {
                if (band.Below is { } top && top <= set.MaxPoints)
                    error($"{path}.below", $"the top band must reach the maximum {set.MaxPoints}; 'below' {top} leaves a gap");
                continue;
            }

            var above = bands[i - 1];
            if (band.Min >= above.Min)
                error($"{path}.min", $"bands must be sorted from highest to lowest: {band.Min} is not below {above.Min} of '{above.Code}'");
            else if (band.Below is { } below && below > above.Min)
                error($"{path}.below", $"band overlaps '{above.Code}': it runs below {below}, but '{above.Code}' starts at {above.Min}");
            else if (band.Below is { } gapBelow && gapBelow < above.Min)
                error($"{path}.below", $"gap between {gapBelow} and {above.Min} ('{above.Code}')");
        }

        if (bands[^1].Min != 0)
            error($"$.classification.bands[{bands.Count - 1}].min", $"the lowest band must start at 0 (found {bands[^1].Min}); totals below it would have no class");
    }

    private static void CheckRules(CriteriaSet set, Dictionary<string, string> ids, HashSet<string> flags,
        Action<string, FormattableString> error)
    {
        var bandCodes = set.Classification.Bands.Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < set.Classification.Rules.Count; i++)
        {
            var rule = set.Classification.Rules[i];
            var path = $"$.classification.rules[{i}]";

            if (rule.CapAt is { } cap && !bandCodes.Contains(cap)) error($"{path}.capAt", $"no band '{cap}'");
            if (rule.SetTo is { } to && !bandCodes.Contains(to) && to != ClassificationRule.NotEligible)
                error($"{path}.setTo", $"no band '{to}'");
            if (rule.SetTo == ClassificationRule.NotEligible && set.Classification.NotEligibleLabel is null)
                error($"{path}.setTo", $"setTo 'not-eligible' needs classification.notEligibleLabel");

            var needsAction = rule.Type is not (RuleType.MaxStepsAbovePrevious or RuleType.BandShareCap);
            if (needsAction && (rule.CapAt is null) == (rule.SetTo is null))
                error(path, $"give exactly one of capAt or setTo");
            if (!needsAction && (rule.CapAt ?? rule.SetTo) is not null)
                error(path, $"a {Name(rule.Type)} rule moves the class by itself; remove capAt and setTo");

            var type = rule.Type;
            void NotFor(bool present, string field, params RuleType[] owners)
            {
                if (present && !owners.Contains(type))
                    error($"{path}.{field}", $"'{field}' belongs to {string.Join(" and ", owners.Select(o => Name(o)))} rules, not {Name(type)}");
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
                    if (rule.Share is not (> 0 and <= 1)) error($"{path}.share", $"share must be within (0, 1]");
                    if (rule.MinCount is < 1) error($"{path}.minCount", $"minCount must be 1 or more");
                    for (var j = 0; j < rule.Criteria.Count; j++)
                        if (!ids.ContainsKey(rule.Criteria[j]))
                            error($"{path}.criteria[{j}]", $"no criterion '{rule.Criteria[j]}' in this set");
                    var looked = rule.Criteria.Count > 0 ? rule.Criteria.Count : set.Criteria.Count;
                    if (rule.MinCount > looked)
                        error($"{path}.minCount", $"minCount {rule.MinCount} is more than the {looked} criteria looked at; the rule could never apply");
                    break;
                case RuleType.Flag:
                    if (rule.Flag is null || !flags.Contains(rule.Flag))
                        error($"{path}.flag", $"no flag '{rule.Flag}' in $.flags");
                    break;
                case RuleType.MaxStepsAbovePrevious:
                    if (rule.Steps is not >= 0) error($"{path}.steps", $"steps must be 0 or more");
                    break;
                case RuleType.BandShareCap:
                    if (rule.Band is null || !bandCodes.Contains(rule.Band)) error($"{path}.band", $"no band '{rule.Band}'");
                    else if (rule.Band == set.Classification.Bands[^1].Code) error($"{path}.band", $"the lowest band cannot be capped");
                    if (rule.Share is not (>= 0 and <= 1)) error($"{path}.share", $"share must be within [0, 1]");
                    break;
                case RuleType.NotSubmitted:
                    break;
                default:
                    error($"{path}.type", $"unknown rule type '{rule.Type}'");
                    break;
            }
        }
    }

    private static string Name(RuleType type) => Enum.IsDefined(type) ? CamelCaseEnum.Name(type) : type.ToString();

    private static void CheckNoNulls(CriteriaSet set, Action<string, FormattableString> error)
    {
        void Elements(IReadOnlyList<object?> list, string path)
        {
            for (var i = 0; i < list.Count; i++)
                if (list[i] is null) error($"{path}[{i}]", $"null is not allowed here");
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
