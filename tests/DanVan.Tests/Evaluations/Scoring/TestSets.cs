using DanVan.Criteria;
using DanVan.Evaluations.Scoring;

namespace DanVan.Tests.Evaluations.Scoring;

/// <summary>Small criteria sets built in code, each showing one thing the engine does.</summary>
internal static class TestSets
{
    public static readonly Band[] HoanThanh =
    [
        new() { Code = "HTXS", Label = "Hoàn thành xuất sắc", Min = 90 },
        new() { Code = "HTT", Label = "Hoàn thành tốt", Min = 70 },
        new() { Code = "HT", Label = "Hoàn thành", Min = 50 },
        new() { Code = "KHT", Label = "Không hoàn thành", Min = 0 },
    ];

    public static Criterion Points(string id, decimal max, decimal? step = null) =>
        new() { Id = id, Name = $"Tiêu chí {id}", MaxPoints = max, Method = new() { Type = ScoringMethodType.Points, Step = step } };

    public static Criterion Count(string id, decimal max, decimal each) =>
        new() { Id = id, Name = $"Khoản {id}", MaxPoints = max, Method = new() { Type = ScoringMethodType.Count, PointsEach = each } };

    /// <summary>Four criteria of 25 points, bands 90/70/50/0, and the given rules.</summary>
    public static CriteriaSet FourBy25(params ClassificationRule[] rules) => new()
    {
        Id = "test",
        Name = "Bộ tiêu chí thử",
        Decision = new() { Number = "1/QĐ-UBND" },
        MaxPoints = 100,
        Criteria = [Points("1", 25), Points("2", 25), Points("3", 25), Points("4", 25)],
        Flags = [new() { Code = "ky-luat", Label = "Bị kỷ luật" }],
        Classification = new() { Bands = HoanThanh, NotEligibleLabel = "Không đủ điều kiện xếp loại", Rules = rules },
    };

    public static ScoreEntry Entry(string id, decimal points, ScoreLayer layer = ScoreLayer.Self) =>
        new() { CriterionId = id, Points = points, Layer = layer };

    /// <summary>Self entries for criteria "1".."4" with the given points.</summary>
    public static ScoreEntry[] Entries(params decimal[] points) =>
        [.. points.Select((p, i) => Entry((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), p))];

    public static ScoreResult Compute(CriteriaSet set, params ScoreEntry[] entries) =>
        ScoringEngine.Compute(set, new ScoringInput { Entries = entries });
}
