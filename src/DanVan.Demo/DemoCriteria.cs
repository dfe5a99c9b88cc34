using DanVan.Criteria;

namespace DanVan.Demo;

/// <summary>The demo province's two criteria sets: set 01 for provincial agencies and public service units, set 02 for local governments.</summary>
/// <remarks>
/// Shaped like Quảng Bình's Quyết định 3140/QĐ-UBND (two sets, 100 points, 85 where administrative reform is
/// not scored), with contents drawn from Tây Ninh and Quảng Nam; the wording and points are illustrative.
/// Together they exercise every scoring method, a not-applicable content, bonus and deductions with caps, the
/// override rules, a criterion checked against the reception log (set 01, 4.2) and a deduction counted from it (D2).
/// </remarks>
public static class DemoCriteria
{
    /// <summary>Key of set 01.</summary>
    public const string AgenciesKey = "demo-quang-binh-01";

    /// <summary>Key of set 02.</summary>
    public const string LocalKey = "demo-quang-binh-02";

    private static readonly DocumentRef Decision = new()
    {
        Kind = "Quyết định",
        Number = "2468/QĐ-UBND",
        Date = new DateOnly(2022, 11, 15),
        Issuer = "UBND tỉnh Quảng Bình (demo)",
        Title = "Ban hành Bộ tiêu chí, thang điểm và phương pháp đánh giá, xếp loại công tác dân vận chính quyền (dữ liệu minh họa)",
    };

    private static readonly SourceNotes Notes = new()
    {
        Urls = ["https://quangbinh.gov.vn/chi-tiet-tin/-/view-article/1/13729062791727/1668741030677"],
        Stated = "Quyết định 3140/QĐ-UBND ngày 15/11/2022 của UBND tỉnh Quảng Bình có hai bộ tiêu chí (01: cơ quan cấp tỉnh; 02: chính quyền cấp huyện, cấp xã), thang điểm 100, tính trên 85 điểm với đơn vị không chấm điểm chỉ số cải cách hành chính.",
        Assumptions =
        [
            "Dữ liệu minh họa (demo): số quyết định, tên tiêu chí, điểm và quy tắc xếp loại do DanVan đặt ra để trình diễn, không phải văn bản thật.",
            "Ngưỡng xếp loại: Hoàn thành xuất sắc từ 90 điểm, Hoàn thành tốt từ 75, Hoàn thành từ 50, dưới 50 là Không hoàn thành.",
        ],
    };

    private static readonly IReadOnlyList<Band> Bands =
    [
        new() { Code = "HTXS", Label = "Hoàn thành xuất sắc", Min = 90 },
        new() { Code = "HTT", Label = "Hoàn thành tốt", Min = 75, Below = 90 },
        new() { Code = "HT", Label = "Hoàn thành", Min = 50, Below = 75 },
        new() { Code = "KHT", Label = "Không hoàn thành", Min = 0, Below = 50 },
    ];

    private static readonly IReadOnlyList<FlagDefinition> Flags =
    [
        new() { Code = "ky-luat", Label = "Tập thể lãnh đạo bị kỷ luật trong năm" },
    ];

    private static readonly IReadOnlyList<ClassificationRule> CommonRules =
    [
        new()
        {
            Type = RuleType.CriterionBelowShare, Share = 0.5m, CapAt = "HTT",
            Description = "Không xếp loại Hoàn thành xuất sắc nếu có tiêu chí đạt dưới 50% số điểm tối đa",
        },
        new() { Type = RuleType.NotSubmitted, SetTo = "KHT", Description = "Không gửi kết quả tự đánh giá thì xếp loại Không hoàn thành" },
        new() { Type = RuleType.Flag, Flag = "ky-luat", SetTo = "KHT", Description = "Tập thể lãnh đạo bị kỷ luật thì xếp loại Không hoàn thành" },
    ];

    /// <summary>Set 01: provincial agencies (sở, ban, ngành) and public service units.</summary>
    public static CriteriaSet Agencies() => new()
    {
        Id = AgenciesKey,
        Name = "Bộ tiêu chí 01: cơ quan chuyên môn, đơn vị sự nghiệp cấp tỉnh (demo)",
        Decision = Decision,
        AppliesTo = ["so-ban-nganh", "dvsn"],
        Source = Notes,
        MaxPoints = 100,
        Criteria =
        [
            Leadership("1"),
            Points("2", "Thực hiện nhiệm vụ chính trị, chuyên môn gắn với công tác dân vận", 15, 0.5m,
                "Hoàn thành các chỉ tiêu, nhiệm vụ được giao trong năm; kèm báo cáo tổng kết."),
            new()
            {
                Id = "3", Name = "Cải cách hành chính", MaxPoints = 15, MayNotApply = true,
                Guidance = "Không áp dụng với đơn vị không chấm điểm chỉ số cải cách hành chính; khi đó tổng điểm quy đổi từ thang 85.",
                Children =
                [
                    Ratio("3.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", 10, target: 100, unit: "%"),
                    Ratio("3.2", "Số hồ sơ tiếp nhận trực tuyến so với chỉ tiêu được giao", 5, target: null, unit: "hồ sơ"),
                ],
            },
            new()
            {
                Id = "4", Name = "Tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh", MaxPoints = 15,
                Children =
                [
                    Ratio("4.1", "Tỷ lệ đơn thư thuộc thẩm quyền được giải quyết", 10, target: 100, unit: "%"),
                    // Checked against the reception log: the head receives citizens at least once a month (Luật Tiếp công dân 2013, Điều 12).
                    ReceptionLevels("4.2", "Thủ trưởng cơ quan tiếp công dân định kỳ theo quy định", 5) with
                    {
                        Registry = new() { Figure = "receptions.periodic.byHead", AtLeast = 12 },
                    },
                ],
            },
            Points("5", "Thực hiện Quy chế dân chủ trong hoạt động của cơ quan", 15, 0.25m,
                "Ban hành, công khai quy chế; tổ chức hội nghị cán bộ, công chức, viên chức."),
            Points("6", "Phối hợp với Mặt trận Tổ quốc, các đoàn thể; tiếp thu giám sát, phản biện xã hội", 10, 0.5m, null),
            Movement("7"),
            Reporting("8", 10),
        ],
        Bonus = BonusItems(),
        BonusCap = 5,
        Deductions = DeductionItems(),
        DeductionCap = 10,
        Flags = Flags,
        Classification = new() { Bands = Bands, Rules = CommonRules },
    };

    /// <summary>Set 02: district and commune governments (UBND cấp huyện, cấp xã).</summary>
    public static CriteriaSet LocalGovernments() => new()
    {
        Id = LocalKey,
        Name = "Bộ tiêu chí 02: chính quyền cấp huyện, cấp xã (demo)",
        Decision = Decision,
        AppliesTo = ["cap-huyen", "cap-xa"],
        Source = Notes,
        MaxPoints = 100,
        Criteria =
        [
            Leadership("1"),
            new()
            {
                Id = "2", Name = "Tiếp công dân, đối thoại trực tiếp với Nhân dân", MaxPoints = 20,
                Children =
                [
                    ReceptionLevels("2.1", "Chủ tịch UBND tiếp công dân định kỳ theo quy định", 10),
                    Ratio("2.2", "Số cuộc đối thoại trực tiếp với Nhân dân so với kế hoạch", 10, target: null, unit: "cuộc"),
                ],
            },
            new()
            {
                Id = "3", Name = "Giải quyết đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh thuộc thẩm quyền", MaxPoints = 15,
                MayNotApply = true,
                Guidance = "Không áp dụng khi trong năm không phát sinh đơn thư thuộc thẩm quyền.",
                Method = new() { Type = ScoringMethodType.Ratio, Target = 100, Unit = "%" },
            },
            new()
            {
                Id = "4", Name = "Cải cách hành chính, hoạt động của Bộ phận một cửa", MaxPoints = 15,
                Children =
                [
                    Ratio("4.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", 10, target: 100, unit: "%"),
                    Points("4.2", "Thái độ phục vụ, mức độ hài lòng của người dân tại Bộ phận một cửa", 5, 0.5m, null),
                ],
            },
            Points("5", "Thực hiện dân chủ ở cơ sở", 15, 0.25m, "Công khai, để Nhân dân bàn, quyết định, kiểm tra, giám sát theo Luật Thực hiện dân chủ ở cơ sở."),
            Points("6", "Phối hợp với Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội", 10, 0.5m, null),
            Movement("7"),
            Reporting("8", 5),
        ],
        Bonus = BonusItems(),
        BonusCap = 5,
        Deductions = DeductionItems(),
        DeductionCap = 10,
        Flags = Flags,
        Classification = new()
        {
            Bands = Bands,
            Rules =
            [
                .. CommonRules,
                new() { Type = RuleType.MaxStepsAbovePrevious, Steps = 2, Description = "Không vượt quá hai mức so với kết quả năm trước" },
            ],
        },
    };

    private static Criterion Leadership(string id) => new()
    {
        Id = id, Name = "Lãnh đạo, chỉ đạo, ban hành kế hoạch thực hiện công tác dân vận chính quyền", MaxPoints = 10,
        Children =
        [
            new()
            {
                Id = $"{id}.1", Name = "Ban hành Kế hoạch thực hiện công tác dân vận chính quyền năm", MaxPoints = 5,
                Guidance = "Tài liệu kiểm chứng: Kế hoạch (số, ngày ban hành).",
                Method = new()
                {
                    Type = ScoringMethodType.Levels,
                    Levels =
                    [
                        new() { Code = "A", Label = "Ban hành đúng hạn, đầy đủ nội dung", Points = 5 },
                        new() { Code = "B", Label = "Ban hành chậm hoặc thiếu nội dung", Points = 3 },
                        new() { Code = "C", Label = "Không ban hành", Points = 0 },
                    ],
                },
            },
            new()
            {
                Id = $"{id}.2", Name = "Quán triệt, triển khai, kiểm tra việc thực hiện", MaxPoints = 5,
                Method = new()
                {
                    Type = ScoringMethodType.Checklist,
                    Items =
                    [
                        new() { Id = "a", Label = "Tổ chức hội nghị quán triệt", Points = 2 },
                        new() { Id = "b", Label = "Ban hành văn bản chỉ đạo, hướng dẫn", Points = 1.5m },
                        new() { Id = "c", Label = "Kiểm tra, đôn đốc việc thực hiện", Points = 1.5m },
                    ],
                },
            },
        ],
    };

    private static Criterion Movement(string id) => new()
    {
        Id = id, Name = "Phong trào thi đua \"Dân vận khéo\"", MaxPoints = 10,
        Method = new()
        {
            Type = ScoringMethodType.Checklist,
            Items =
            [
                new() { Id = "a", Label = "Ban hành kế hoạch, đăng ký mô hình \"Dân vận khéo\"", Points = 3 },
                new() { Id = "b", Label = "Có mô hình được công nhận trong năm", Points = 4 },
                new() { Id = "c", Label = "Sơ kết, nhân rộng mô hình, khen thưởng điển hình", Points = 3 },
            ],
        },
    };

    private static Criterion Reporting(string id, decimal max) => new()
    {
        Id = id, Name = "Thực hiện chế độ thông tin, báo cáo", MaxPoints = max,
        Method = new()
        {
            Type = ScoringMethodType.Levels,
            Levels =
            [
                new() { Code = "A", Label = "Đầy đủ, đúng hạn", Points = max },
                new() { Code = "B", Label = "Đầy đủ nhưng có báo cáo chậm", Points = max * 0.7m },
                new() { Code = "C", Label = "Thiếu báo cáo", Points = max * 0.3m },
                new() { Code = "D", Label = "Không báo cáo", Points = 0 },
            ],
        },
    };

    private static Criterion ReceptionLevels(string id, string name, decimal max) => new()
    {
        Id = id, Name = name, MaxPoints = max,
        Method = new()
        {
            Type = ScoringMethodType.Levels,
            Levels =
            [
                new() { Code = "A", Label = "Đủ số buổi theo quy định", Points = max },
                new() { Code = "B", Label = "Đạt từ 50% số buổi trở lên", Points = max * 0.6m },
                new() { Code = "C", Label = "Đạt dưới 50% số buổi", Points = max * 0.2m },
                new() { Code = "D", Label = "Không tiếp công dân", Points = 0 },
            ],
        },
    };

    private static Criterion Points(string id, string name, decimal max, decimal step, string? guidance) => new()
    {
        Id = id, Name = name, MaxPoints = max, Guidance = guidance,
        Method = new() { Type = ScoringMethodType.Points, Step = step },
    };

    private static Criterion Ratio(string id, string name, decimal max, decimal? target, string unit) => new()
    {
        Id = id, Name = name, MaxPoints = max,
        Method = new() { Type = ScoringMethodType.Ratio, Target = target, Unit = unit },
    };

    private static IReadOnlyList<Criterion> BonusItems() =>
    [
        new()
        {
            Id = "T1", Name = "Mô hình \"Dân vận khéo\" được khen thưởng cấp tỉnh trở lên", MaxPoints = 3,
            Method = new() { Type = ScoringMethodType.Count, PointsEach = 1 },
        },
        new()
        {
            Id = "T2", Name = "Sáng kiến, cách làm hay trong công tác dân vận được nhân rộng", MaxPoints = 2,
            Method = new() { Type = ScoringMethodType.Points, Step = 0.5m },
        },
    ];

    private static IReadOnlyList<Criterion> DeductionItems() =>
    [
        new()
        {
            Id = "D1", Name = "Cán bộ, công chức bị kỷ luật do vi phạm trong tiếp xúc, phục vụ Nhân dân", MaxPoints = 6,
            Method = new() { Type = ScoringMethodType.Count, PointsEach = 2 },
        },
        new()
        {
            Id = "D2", Name = "Để xảy ra khiếu kiện đông người, vượt cấp thuộc trách nhiệm giải quyết", MaxPoints = 6,
            Guidance = "Số đoàn đông người lấy từ sổ tiếp công dân của đơn vị trong kỳ.",
            Method = new() { Type = ScoringMethodType.Count, PointsEach = 3 },
            Registry = new() { Figure = "receptions.delegations", TakeValue = true },
        },
    ];
}
