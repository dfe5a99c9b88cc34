using DanVan.OrgUnits;
using static DanVan.Reports.VietnameseFormat;

namespace DanVan.Reports;

/// <summary>Writes the results of a report as the sentences of section II ("Kết quả đánh giá, phân loại").</summary>
/// <remarks>Every number comes from the report; wording follows the province reports in shared/reference.</remarks>
public static class ResultsNarrative
{
    private static readonly string[] NamePrefixes = ["thành phố ", "thị xã ", "thị trấn ", "huyện ", "phường ", "xã ", "TP ", "TX "];

    /// <summary>The lines for one year: "- Cấp xã:", "+ Hoàn thành xuất sắc: 70/159, chiếm 44%", ...</summary>
    public static IReadOnlyList<string> Lines(ConsolidatedReport report, OrgUnitKind scopeKind = OrgUnitKind.Province)
    {
        var lines = new List<string>();
        var phrases = report.Phrases;
        foreach (var section in report.Sections.Where(s => s.Total > 0))
        {
            if (section.Evaluated == 0)
            {
                lines.Add($"- {section.Section.Title}: {Participation(section, phrases)}" + Pending(section, phrases, named: section.Style == SectionStyle.Named));
                continue;
            }
            switch (section.Style)
            {
                case SectionStyle.Percentages:
                    lines.AddRange(PercentageLines(section, phrases));
                    var after = (SelfClaimed(section, phrases) + Pending(section, phrases, named: false)).Trim();
                    if (after.Length > 0) lines.Add(after);
                    break;
                case SectionStyle.Counts:
                    // Large sections name nobody in the text; the appendix lists the units not evaluated.
                    lines.Add($"- {section.Section.Title}: {Participation(section, phrases)} Kết quả phân loại: {CountsClause(section)}."
                        + SelfClaimed(section, phrases) + Pending(section, phrases, named: false) + Inspected(section, report.Year, scopeKind));
                    break;
                default:
                    lines.Add($"- {section.Section.Title}: {Participation(section, phrases)} Kết quả phân loại: {NamedClause(section)}."
                        + Missing(section, phrases) + Inspected(section, report.Year, scopeKind));
                    break;
            }
        }
        return lines;
    }

    /// <summary>The unit's name without its kind ("huyện Lệ Thủy" → "Lệ Thủy"), as lists of the missing read.</summary>
    public static string BareName(string name)
    {
        foreach (var prefix in NamePrefixes)
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return name[prefix.Length..];
        return name;
    }

    private static IEnumerable<string> PercentageLines(SectionResult section, ResultPhrases phrases)
    {
        var header = $"- {section.Section.Title}:";
        if (section.Evaluated < section.Total) header += " " + Participation(section, phrases);
        yield return header;
        var shares = Percentages(section.Bands.Select(b => b.Count).ToList());
        for (var i = 0; i < section.Bands.Count; i++)
        {
            var band = section.Bands[i];
            yield return band.Count == 0
                ? $"+ {band.Label}: Không"
                : $"+ {band.Label}: {Ratio(band.Count, section.Classified)}, chiếm {shares[i].Text}%";
        }
    }

    private static string Participation(SectionResult section, ResultPhrases phrases)
    {
        if (section.Evaluated == 0) return phrases.NoneEvaluated;
        var parts = section.Parts.Where(p => p.Evaluated > 0 || p.Part.ShowTotal)
            .Select(p => p.Part.ShowTotal ? $"{Ratio(p.Evaluated, p.Total)} {p.Part.Noun}" : $"{Count2(p.Evaluated)} {p.Part.Noun}")
            .ToList();
        var verb = section.Style == SectionStyle.Counts ? "tham gia đánh giá" : "đánh giá";
        return $"có {JoinList(parts)} {verb}.";
    }

    private static string CountsClause(SectionResult section) =>
        JoinClauses(section.Bands.Where(b => b.Count > 0)
            .Select(b => $"{Lower(b.Label)}: {Count2(b.Count)} {section.Section.CountNoun}"));

    private static string NamedClause(SectionResult section) =>
        string.Join("; ", section.Bands.Where(b => b.Count > 0).Select(b => $"{b.Label}: {Count2(b.Count)} ({Names(b.Units)})"));

    private static string Names(IReadOnlyList<UnitMention> units)
    {
        var claimed = units.Where(u => u.SelfClaimed).Select(u => u.Name).ToList();
        var reviewed = units.Where(u => !u.SelfClaimed).Select(u => u.Name).ToList();
        var parts = new List<string>();
        if (claimed.Count > 0) parts.Add(JoinList(claimed) + " tự nhận");
        if (reviewed.Count > 0) parts.Add(JoinList(reviewed));
        return string.Join("; ", parts);
    }

    private static string Missing(SectionResult section, ResultPhrases phrases)
    {
        var missing = section.MissingWithMembers;
        if (missing.Count == 0 || section.Evaluated == 0) return "";
        var absent = missing.Where(m => m.Reason == MissingReason.Absent).ToList();
        var text = "";
        if (absent.Count > 0)
        {
            var withMembers = absent.All(m => m.MembersEvaluated > 0);
            var names = JoinList(absent.Select(m => BareName(m.Unit.Name)));
            // "Các huyện còn lại" only when nobody else is missing for another reason.
            var subject = absent.Count == 1 ? names : absent.Count == missing.Count ? $"Các {section.Section.RestNoun} còn lại ({names})" : names;
            text += " " + Fill(withMembers ? phrases.OnlyMembers : phrases.NotEvaluated, section, subject);
        }
        return text + Pending(section, phrases, named: true);
    }

    /// <summary>Units returned for completion, or not submitted while their deadline has not passed: named, or counted.</summary>
    private static string Pending(SectionResult section, ResultPhrases phrases, bool named)
    {
        var text = "";
        foreach (var (reason, phrase) in new[] { (MissingReason.Returned, phrases.Returned), (MissingReason.NotYetDue, phrases.NotYetSubmitted) })
        {
            var units = section.MissingWithMembers.Where(m => m.Reason == reason).ToList();
            if (units.Count == 0) continue;
            var subject = named ? JoinList(units.Select(m => BareName(m.Unit.Name))) : $"{Count2(units.Count)} {section.Section.RestNoun}";
            text += " " + Fill(phrase, section, subject);
        }
        return text;
    }

    /// <summary>Says in the sentence when the classes counted include some not yet appraised.</summary>
    private static string SelfClaimed(SectionResult section, ResultPhrases phrases) =>
        section.SelfClaimedCount == 0 ? "" : " " + ResultPhrases.Fill(phrases.SelfClaimedShare, count: section.SelfClaimedCount);

    private static string Fill(string phrase, SectionResult section, string subject) =>
        Capital(ResultPhrases.Fill(phrase, subject, section.Section.OwnLevel, section.Section.MemberLevel));


    private static string Inspected(SectionResult section, int year, OrgUnitKind scopeKind)
    {
        var by = scopeKind == OrgUnitKind.Province ? "đoàn kiểm tra của tỉnh" : "đoàn kiểm tra";
        return string.Concat(section.InspectedOnly.Select(i =>
            $" Riêng {i.Unit.Name} năm {year}, {by} đã kiểm tra và xếp loại {Lower(i.BandLabel)}."));
    }

    private static string JoinClauses(IEnumerable<string> clauses)
    {
        var list = clauses.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join("; ", list.Take(list.Count - 1)) + " và " + list[^1];
    }

    private static string Lower(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];
}
