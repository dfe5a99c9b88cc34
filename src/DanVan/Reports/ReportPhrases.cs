using static DanVan.Reports.VietnameseFormat;

namespace DanVan.Reports;

/// <summary>The fixed Vietnamese wording of consolidated reports, in one place: headings, standard texts, sentence frames, table and chart titles.</summary>
/// <remarks>Figures are never part of a phrase: every number is passed in from the report's data.</remarks>
public static class ReportPhrases
{
    /// <summary>The national name at the top right of every administrative document.</summary>
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    /// <summary>The motto under the national name.</summary>
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>The label before the number and symbol.</summary>
    public const string NumberLabel = "Số:";

    /// <summary>The label of the recipients list.</summary>
    public const string RecipientsLabel = "Nơi nhận:";

    /// <summary>The addressee line under the summary: "Kính gửi: Sở Nội vụ tỉnh Quảng Ngãi." (004), or "Kính gửi:" and one line each.</summary>
    public static IReadOnlyList<string> AddresseeLines(IReadOnlyList<string> addressees) =>
        addressees.Count switch
        {
            0 => [],
            1 => [$"Kính gửi: {addressees[0].Trim().TrimEnd('.')}."],
            _ => ["Kính gửi:", .. addressees.Select((a, i) => $"- {a.Trim().TrimEnd('.', ';')}{(i == addressees.Count - 1 ? "." : ";")}")],
        };

    /// <summary>The document type.</summary>
    public const string DocumentType = "BÁO CÁO";

    /// <summary>The symbol of a report issued by a people's committee.</summary>
    public const string CommitteeSymbol = "BC-UBND";

    /// <summary>The blank left before the number's symbol for the clerk to fill ("Số:      /BC-UBND").</summary>
    public const string NumberBlank = "     ";

    /// <summary>Heading I.</summary>
    public const string Leadership = "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO";

    /// <summary>Heading II.</summary>
    public const string Results = "II. KẾT QUẢ THỰC HIỆN";

    /// <summary>Heading II.1.</summary>
    public const string Implementation = "1. Kết quả triển khai thực hiện";

    /// <summary>Heading II.3.</summary>
    public const string CriteriaAnalysis = "3. Kết quả thực hiện theo từng tiêu chí";

    /// <summary>Heading II.4.</summary>
    public const string SelfAssessment = "4. Kết quả tự đánh giá so với kết quả thẩm định";

    /// <summary>Heading III.</summary>
    public const string Assessment = "III. ĐÁNH GIÁ CHUNG";

    /// <summary>Heading III.1.</summary>
    public const string Advantages = "1. Ưu điểm";

    /// <summary>Heading III.2.</summary>
    public const string Limitations = "2. Hạn chế, khó khăn và nguyên nhân";

    /// <summary>Heading IV.</summary>
    public const string Tasks = "IV. NHIỆM VỤ, GIẢI PHÁP";

    /// <summary>Heading of the appendix.</summary>
    public const string Appendix = "PHỤ LỤC SỐ LIỆU";

    /// <summary>The line under the appendix title naming the form, e.g. "(Kèm theo báo cáo …: Phụ lục số liệu … năm 2018)".</summary>
    public static string AppendixOf(string form, int year) => $"Kèm theo báo cáo năm {year}: {form}";

    /// <summary>How many of the units that owe the form are counted in its figures (they count once submitted).</summary>
    public static string AppendixCompleteness(int submitted, int expected) =>
        $"Số liệu tổng hợp từ {Count2(submitted)}/{Count2(expected)} đơn vị đã gửi báo cáo.";

    private static string Count2(int n) => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Which publication the figures are, once results were published again after a reconsideration.</summary>
    public static string Republished(Evaluations.Reconsiderations.ResultPublication p) =>
        $"Số liệu theo kết quả công bố lại lần {p.Number} ngày {Evaluations.AssessmentWorkflow.DayOf(p.PublishedAt):dd/MM/yyyy} ({p.Reason}).";

    /// <summary>The first line of a report built before every unit is approved: it is a draft, and why.</summary>
    public static string DraftNotice(ReportProgress p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var pending = new List<string>();
        if (p.NotSubmitted > 0) pending.Add($"{Count2(p.NotSubmitted)} đơn vị chưa nộp");
        if (p.Returned > 0) pending.Add($"{Count2(p.Returned)} đơn vị được trả lại để hoàn thiện");
        if (p.AwaitingAppraisal > 0) pending.Add($"{Count2(p.AwaitingAppraisal)} đơn vị chưa được thẩm định");
        if (p.AwaitingApproval > 0) pending.Add($"{Count2(p.AwaitingApproval)} đơn vị đã thẩm định, chưa được phê duyệt");
        return $"DỰ THẢO — số liệu chưa phải kết quả chính thức: {Count2(p.Approved)}/{Count2(p.Units)} đơn vị đã được phê duyệt"
            + (pending.Count > 0 ? "; " + string.Join("; ", pending) : "") + ".";
    }

    /// <summary>The lead-in of the registries' figures in II.1.</summary>
    public const string ReceptionsLead = "Công tác tiếp công dân, giải quyết đơn thư (số liệu từ sổ tiếp công dân và sổ đơn thư):";

    /// <summary>The lead-in of the work registries' figures in II.1.</summary>
    public const string WorkLead = "Mô hình \"Dân vận khéo\", kế hoạch và kiến nghị của Mặt trận (số liệu từ các sổ theo dõi):";

    /// <summary>The lead-in of the reports the level below sent (report calls) in II.1.</summary>
    public const string CallsLead = "Chế độ báo cáo của cấp dưới (theo các yêu cầu báo cáo):";

    /// <summary>
    /// One call's reports: "Báo cáo kết quả … năm 2023 (hạn 15/12/2023): đã nhận 07/08 báo cáo, trong đó 01 báo cáo gửi muộn (UBND huyện
    /// Quảng Ninh); chưa gửi: UBND thành phố Đồng Hới." — 000 lists "không thực hiện báo cáo" among its limitations.
    /// </summary>
    public static string CallReceived(string name, DateOnly deadline, int received, int units, IReadOnlyList<string> late, IReadOnlyList<string> notSent, IReadOnlyList<string> returned) =>
        $"{name} (hạn {DateNd30(deadline)}): đã nhận {Count2(received)}/{Count2(units)} báo cáo"
        + (late.Count > 0 ? $", trong đó {Count2(late.Count)} báo cáo gửi muộn ({JoinList(late)})" : "")
        + (notSent.Count > 0 ? $"; chưa gửi: {JoinList(notSent)}" : "")
        + (returned.Count > 0 ? $"; trả lại để gửi lại: {JoinList(returned)}" : "") + ".";

    /// <summary>Shown where a prose block has not been written yet.</summary>
    public const string NotWrittenYet = "(Nội dung này chưa được soạn thảo.)";

    /// <summary>The last of the standard recipients.</summary>
    public const string Archive = "Lưu: VT";

    /// <summary>The standard recipients of a province's report, before the archive.</summary>
    public static IReadOnlyList<string> ProvinceRecipients { get; } = ["Ban Dân vận Tỉnh ủy", "Chủ tịch, các PCT UBND tỉnh", "Sở Nội vụ"];

    /// <summary>The body above, "for report": "UBND tỉnh Quảng Bình (b/c)".</summary>
    public static string ToParent(string name) => $"{name} (b/c)";

    /// <summary>The authority line of a people's committee's signer.</summary>
    public const string CommitteeAuthority = "TM. ỦY BAN NHÂN DÂN";

    /// <summary>The standard position of a people's committee's signer.</summary>
    public const string CommitteeHead = "CHỦ TỊCH";

    /// <summary>The standard position of an agency's signer.</summary>
    public const string AgencyHead = "THỦ TRƯỞNG CƠ QUAN";

    /// <summary>The standard summary: "Kết quả đánh giá, phân loại công tác dân vận chính quyền năm 2024".</summary>
    public static string Summary(int year) => $"Kết quả đánh giá, phân loại công tác dân vận chính quyền năm {year}";

    /// <summary>Heading II.2 for one year or several: "2. Kết quả đánh giá, phân loại năm 2017, 2018".</summary>
    public static string ResultsOfYears(IReadOnlyList<int> years) => $"2. Kết quả đánh giá, phân loại năm {string.Join(", ", years)}";

    /// <summary>The sub-heading of one year in II.2: "2.1. Năm 2017:".</summary>
    public static string YearHeading(int index, int year) => $"2.{index}. Năm {year}:";

    /// <summary>The standard opening when the draft has none.</summary>
    public static string Introduction(string scopeName, int year, IReadOnlyList<string> decisions) =>
        decisions.Count == 0
            ? $"{Capital(scopeName)} báo cáo kết quả đánh giá, phân loại công tác dân vận chính quyền năm {year} như sau:"
            : $"Thực hiện {JoinList(decisions)}, {scopeName} báo cáo kết quả đánh giá, phân loại công tác dân vận chính quyền năm {year} như sau:";

    /// <summary>The closing line: "Trên đây là báo cáo ... năm 2024 của UBND tỉnh Quảng Bình./.".</summary>
    public static string Closing(string scopeName, int year) =>
        $"Trên đây là báo cáo kết quả đánh giá, phân loại công tác dân vận chính quyền năm {year} của {scopeName}./.";

    /// <summary>The days a report covers in words: "năm 2018", "giai đoạn 2022 - 2023", "từ ngày 01/01/2023 đến ngày 31/10/2023".</summary>
    public static string SpanText(ReportSpan span) =>
        !span.IsWholeYears ? $"từ ngày {DateNd30(span.From)} đến ngày {DateNd30(span.To)}"
        : span.IsMultiYear ? $"giai đoạn {span.From.Year} - {span.To.Year}"
        : $"năm {span.To.Year}";

    /// <summary>The lead of one year's figures in a report over several years: "Năm 2022:", "Năm 2023 (đến ngày 31/10/2023):".</summary>
    public static string SpanYear(ReportSpan part)
    {
        var year = part.To.Year;
        var fromStart = part.From == new DateOnly(year, 1, 1);
        var toEnd = part.To == new DateOnly(year, 12, 31);
        return fromStart && toEnd ? $"Năm {year}:"
            : fromStart ? $"Năm {year} (đến ngày {DateNd30(part.To)}):"
            : toEnd ? $"Năm {year} (từ ngày {DateNd30(part.From)}):"
            : $"Năm {year} (từ ngày {DateNd30(part.From)} đến ngày {DateNd30(part.To)}):";
    }

    /// <summary>The standard summary of a report without evaluation results: "Kết quả thực hiện công tác dân vận chính quyền giai đoạn 2022 - 2023".</summary>
    public static string WorkSummary(ReportSpan span) => $"Kết quả thực hiện công tác dân vận chính quyền {SpanText(span)}";

    /// <summary>
    /// The opening of a report without evaluation results: the documents that asked for it (the statistics forms' "Công văn số
    /// 1527/SNV-VP …") then the scope, as 001 opens; or the scope and the span.
    /// </summary>
    public static string WorkIntroduction(string scopeName, ReportSpan span, IReadOnlyList<string> requests) =>
        requests.Count == 0
            ? $"{Capital(scopeName)} báo cáo kết quả thực hiện công tác dân vận chính quyền {SpanText(span)} như sau:"
            : $"Thực hiện {JoinList(requests)}; {scopeName} báo cáo kết quả như sau:";

    /// <summary>The closing line of a report without evaluation results.</summary>
    public static string WorkClosing(string scopeName, ReportSpan span) =>
        $"Trên đây là báo cáo kết quả thực hiện công tác dân vận chính quyền {SpanText(span)} của {scopeName}./.";

    /// <summary>The closing line of a report asked for by a document: "Trên đây là báo cáo kết quả 04 năm thực hiện … của UBND huyện Bình Sơn./.".</summary>
    public static string ClosingOf(string summary, string scopeName) =>
        $"Trên đây là báo cáo {InSentence(summary)} của {scopeName}./.";

    /// <summary>The first part's heading of a thematic report (Phần thứ nhất).</summary>
    public const string PartOne = "Phần thứ nhất";

    /// <summary>The first part's title: "KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2022 - 2023".</summary>
    public static string PartOneTitle(ReportSpan span) => $"KẾT QUẢ THỰC HIỆN {SpanText(span).ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}";

    /// <summary>The second part's heading of a thematic report (Phần thứ hai).</summary>
    public const string PartTwo = "Phần thứ hai";

    /// <summary>The second part's title, in place of heading IV.</summary>
    public const string PartTwoTitle = "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI";

    /// <summary>"Có 02 đơn vị chưa tổ chức đánh giá, phân loại các đơn vị trực thuộc (A và B)."</summary>
    public static string ParentsNotEvaluating(int count, IEnumerable<string> names) =>
        $"- Có {Count2(count)} đơn vị chưa tổ chức đánh giá, phân loại các đơn vị trực thuộc ({JoinList(names)}).";

    /// <summary>"Theo bộ tiêu chí “...”, bình quân điểm của 184 cơ quan, đơn vị, địa phương tham gia đánh giá cho thấy:" for one criteria set.</summary>
    public static string CriteriaIntro(string setName, int units) =>
        $"Theo bộ tiêu chí “{setName}”, bình quân điểm của {Count2(units)} cơ quan, đơn vị, địa phương tham gia đánh giá cho thấy:";

    /// <summary>"Tiêu chí 3 (Cải cách hành chính) đạt bình quân 92,5% số điểm tối đa".</summary>
    public static string CriterionShare(string id, string name, decimal share) =>
        $"Tiêu chí {id} ({name}) đạt bình quân {Percent(share * 100)}% số điểm tối đa";

    /// <summary>"- Các tiêu chí đều đạt bình quân 85% số điểm tối đa."</summary>
    public static string AllCriteriaEqual(decimal share) => $"- Các tiêu chí đều đạt bình quân {Percent(share * 100)}% số điểm tối đa.";

    /// <summary>"- Các tiêu chí thực hiện tốt nhất: ..."</summary>
    public static string Strongest(IEnumerable<string> criteria) => $"- Các tiêu chí thực hiện tốt nhất: {string.Join("; ", criteria)}.";

    /// <summary>"- Các tiêu chí còn hạn chế: ..."</summary>
    public static string Weakest(IEnumerable<string> criteria) => $"- Các tiêu chí còn hạn chế: {string.Join("; ", criteria)}.";

    /// <summary>When no unit was scored.</summary>
    public const string NoCriteriaScores = "Chưa có cơ quan, đơn vị nào được chấm điểm theo tiêu chí.";

    /// <summary>When no self-assessment was appraised.</summary>
    public const string NoAppraisals = "Chưa có kết quả thẩm định để so sánh với kết quả tự đánh giá.";

    /// <summary>"Trong 184 cơ quan, đơn vị đã được thẩm định, có 79 đơn vị tự chấm điểm cao hơn kết quả thẩm định, bình quân cao hơn 12,5 điểm; ..."</summary>
    public static string Gaps(int reviewed, int higher, decimal averageHigher, int lower, int equal) =>
        $"- Trong {Count2(reviewed)} cơ quan, đơn vị đã được thẩm định, "
        + (higher > 0 ? $"có {Count2(higher)} đơn vị tự chấm điểm cao hơn kết quả thẩm định (bình quân cao hơn {Number(averageHigher, 2)} điểm)" : "không có đơn vị nào tự chấm điểm cao hơn kết quả thẩm định")
        + (lower > 0 ? $", {Count2(lower)} đơn vị tự chấm thấp hơn" : ", không có đơn vị nào tự chấm thấp hơn")
        + (equal > 0 ? $" và {Count2(equal)} đơn vị có điểm tự chấm trùng với kết quả thẩm định." : " và không có đơn vị nào có điểm tự chấm trùng với kết quả thẩm định.");

    /// <summary>"- Có 81 đơn vị tự xếp loại cao hơn kết quả thẩm định."</summary>
    public static string ClassHigher(int count) => $"- Có {Count2(count)} đơn vị tự xếp loại cao hơn kết quả thẩm định.";

    /// <summary>"- Các đơn vị có chênh lệch lớn nhất: A (tự chấm 95 điểm, thẩm định 72,5 điểm, chênh lệch 22,5 điểm); ..."</summary>
    public static string LargestGaps(IEnumerable<string> units) => $"- Các đơn vị có chênh lệch lớn nhất: {string.Join("; ", units)}.";

    /// <summary>"Sở Y tế (tự chấm 95 điểm, thẩm định 72,5 điểm, chênh lệch 22,5 điểm)".</summary>
    public static string UnitGap(string name, decimal self, decimal final, decimal gap) =>
        $"{name} (tự chấm {Points(self)} điểm, thẩm định {Points(final)} điểm, chênh lệch {Points(gap)} điểm)";

    /// <summary>"- Các tiêu chí bị tự chấm cao hơn nhiều nhất: ..."</summary>
    public static string CriterionGaps(IEnumerable<string> criteria) => $"- Các tiêu chí bị tự chấm cao hơn nhiều nhất: {string.Join("; ", criteria)}.";

    /// <summary>"Tiêu chí 4 (...): bình quân 1,25 điểm".</summary>
    public static string CriterionGap(string id, string name, decimal gap) => $"Tiêu chí {id} ({name}): bình quân {Number(gap, 2)} điểm";

    /// <summary>Points as a report writes them: up to two decimals, trailing zeros dropped ("95", "72,5", "72,25").</summary>
    public static string Points(decimal value)
    {
        var rounded = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        var decimals = rounded == decimal.Truncate(rounded) ? 0 : rounded * 10 == decimal.Truncate(rounded * 10) ? 1 : 2;
        return Number(rounded, decimals);
    }

    /// <summary>Titles and column headers of the appendix tables.</summary>
    public static class Tables
    {
        /// <summary>Participation per group.</summary>
        public const string Participation = "Tham gia đánh giá";

        /// <summary>Class counts and shares per group.</summary>
        public const string Classes = "Kết quả phân loại";

        /// <summary>Units not evaluated.</summary>
        public const string NotEvaluated = "Đơn vị chưa đánh giá";

        /// <summary>Criteria averages.</summary>
        public const string Criteria = "Điểm bình quân tiêu chí";

        /// <summary>Self-scores against appraised scores.</summary>
        public const string UnitGaps = "Tự chấm và thẩm định";

        /// <summary>Over-scoring per criterion.</summary>
        public const string CriterionGaps = "Chênh lệch theo tiêu chí";

        /// <summary>Year comparison.</summary>
        public const string Years = "So sánh qua các năm";

        /// <summary>Classes of each current unit over the years.</summary>
        public const string Histories = "Xếp loại qua các năm";

        /// <summary>"Bảng 1. Tham gia đánh giá năm 2018".</summary>
        public static string Caption(int number, string title, int year) => $"Bảng {number}. {title} năm {year}";

        /// <summary>"Bảng 7. So sánh kết quả phân loại năm 2017, 2018".</summary>
        public static string YearsCaption(int number, IReadOnlyList<int> years) => $"Bảng {number}. So sánh kết quả phân loại năm {string.Join(", ", years)}";

        /// <summary>"Bảng 5. 20 đơn vị có chênh lệch lớn nhất năm 2018".</summary>
        public static string LargestGapsCaption(int number, int count, int year) =>
            $"Bảng {number}. {Count2(count)} đơn vị tự chấm cao hơn kết quả thẩm định nhiều nhất năm {year}";

        /// <summary>A note under a table cut short in the document.</summary>
        public const string FullListInWorkbook = "Danh sách đầy đủ tại tệp số liệu (XLSX) kèm theo.";

        /// <summary>Column: row number.</summary>
        public const string No = "TT";

        /// <summary>Column: group.</summary>
        public const string Group = "Khối";

        /// <summary>Column: unit.</summary>
        public const string Unit = "Cơ quan, đơn vị";

        /// <summary>Column: units in the group.</summary>
        public const string Units = "Số đơn vị";

        /// <summary>Column: units evaluated.</summary>
        public const string Evaluated = "Đã đánh giá";

        /// <summary>Column: units not evaluated.</summary>
        public const string NotEvaluatedCount = "Chưa đánh giá";

        /// <summary>Column: participation rate.</summary>
        public const string Rate = "Tỷ lệ tham gia (%)";

        /// <summary>Column: class.</summary>
        public const string Class = "Xếp loại";

        /// <summary>Column: share of the classified units.</summary>
        public const string Share = "Tỷ lệ (%)";

        /// <summary>Column: of which self-claimed.</summary>
        public const string SelfClaimed = "Trong đó tự xếp loại";

        /// <summary>Column: note.</summary>
        public const string Note = "Ghi chú";

        /// <summary>Column: criteria set.</summary>
        public const string CriteriaSet = "Bộ tiêu chí";

        /// <summary>Column: criterion id.</summary>
        public const string Criterion = "Tiêu chí";

        /// <summary>Column: criterion name.</summary>
        public const string CriterionName = "Nội dung";

        /// <summary>Column: maximum points.</summary>
        public const string MaxPoints = "Điểm tối đa";

        /// <summary>Column: average points.</summary>
        public const string AveragePoints = "Điểm bình quân";

        /// <summary>Column: average share of the maximum.</summary>
        public const string AverageShare = "Đạt (% tối đa)";

        /// <summary>Column: self total.</summary>
        public const string SelfTotal = "Điểm tự chấm";

        /// <summary>Column: appraised total.</summary>
        public const string FinalTotal = "Điểm thẩm định";

        /// <summary>Column: self minus appraised.</summary>
        public const string Gap = "Chênh lệch";

        /// <summary>Column: self-claimed class.</summary>
        public const string SelfClass = "Tự xếp loại";

        /// <summary>Column: appraised class.</summary>
        public const string FinalClass = "Xếp loại sau thẩm định";

        /// <summary>Column: average gap.</summary>
        public const string AverageGap = "Chênh lệch bình quân";

        /// <summary>Row: the total.</summary>
        public const string Total = "Tổng cộng";

        /// <summary>Column: units in one year.</summary>
        public static string UnitsIn(int year) => $"Năm {year} (số đơn vị)";

        /// <summary>Column: share in one year.</summary>
        public static string ShareIn(int year) => $"Tỷ lệ {year} (%)";

        /// <summary>Column: the class of one year.</summary>
        public static string YearColumn(int year) => $"Năm {year}";

        /// <summary>Note: the unit evaluated only its members.</summary>
        public static string OnlyMembers(int evaluated, int members) => $"Chỉ đánh giá đơn vị trực thuộc ({Ratio(evaluated, members)})";

        /// <summary>Note: classified by an inspection team only.</summary>
        public static string Inspected(string band) => $"Đoàn kiểm tra xếp loại: {band}";
    }

    /// <summary>Titles of the charts.</summary>
    public static class Charts
    {
        /// <summary>"Kết quả phân loại năm 2018".</summary>
        public static string Classes(int year) => $"Kết quả phân loại năm {year}";

        /// <summary>"Biểu đồ 1. Kết quả phân loại năm 2018 theo khối".</summary>
        public static string ClassesCaption(int number, int year) => $"Biểu đồ {number}. Kết quả phân loại năm {year} theo khối";

        /// <summary>The value axis of percentages.</summary>
        public const string PercentAxis = "Tỷ lệ (%)";

        /// <summary>The value axis of counts.</summary>
        public const string UnitsAxis = "Số đơn vị";

        /// <summary>The series of one year: "Năm 2018".</summary>
        public static string YearSeries(int year) => $"Năm {year}";

        /// <summary>"So sánh kết quả phân loại qua các năm".</summary>
        public const string Years = "So sánh kết quả phân loại qua các năm";

        /// <summary>"Biểu đồ 2. So sánh kết quả phân loại năm 2017, 2018".</summary>
        public static string YearsCaption(int number, IReadOnlyList<int> years) => $"Biểu đồ {number}. So sánh kết quả phân loại năm {string.Join(", ", years)}";
    }

}
