using DanVan.Reports;

namespace DanVan.Tests.Reports;

/// <summary>Documents for the writer tests: the Quảng Bình report of reference 000, with section II.2 built from figures.</summary>
internal static class SampleDocuments
{
    public static readonly string[] Classes = ["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"];

    public static readonly int[] Communes2017 = [70, 62, 27, 0];

    public static readonly int[] Communes2018 = [89, 45, 25, 0];

    public const string Summary = "Kết quả triển khai thực hiện Quyết định số 3367/QĐ-UBND ngày 26/10/2016\ncủa UBND tỉnh về quy định tiêu chí đánh giá công tác dân vận\ncủa các cơ quan Nhà nước trên địa bàn tỉnh Quảng Bình";

    /// <summary>The report as an OfficialDocument: three pages or more, with a table and a chart.</summary>
    public static OfficialDocument QuangBinhReport() => new()
    {
        Issuer = new IssuingBody("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH"),
        Number = "123/BC-UBND",
        Place = "Quảng Bình",
        Date = new DateOnly(2019, 5, 9),
        DocumentType = "Báo cáo",
        Summary = Summary,
        Body =
        [
            .. Intro.Select(p => new ParagraphBlock(p)),
            new HeadingBlock(1, "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO"),
            .. Leadership.Select(p => new ParagraphBlock(p)),
            new HeadingBlock(1, "II. KẾT QUẢ THỰC HIỆN"),
            new HeadingBlock(2, "1. Ưu điểm"),
            .. Strengths.Select(p => new ParagraphBlock(p)),
            new HeadingBlock(2, "2. Kết quả đánh giá, phân loại năm 2017, 2018"),
            new HeadingBlock(3, "2.1. Năm 2017:"),
            .. CommuneLines(Communes2017),
            new ListItemBlock(ListMarker.Dash,
            [
                new TextRun("Cấp huyện: "),
                new TextRun($"có {VietnameseFormat.Ratio(4, 8)} UBND cấp huyện đánh giá.", Bold: true),
                new TextRun($" Kết quả phân loại: Hoàn thành xuất sắc: {VietnameseFormat.Count2(3)} ({VietnameseFormat.JoinList(["TP Đồng Hới", "huyện Quảng Trạch", "huyện Tuyên Hóa"])} tự nhận); Hoàn thành tốt: {VietnameseFormat.Count2(1)} (huyện Lệ Thủy)."),
            ]),
            new ListItemBlock(ListMarker.Dash, $"Sở, ban, ngành cấp tỉnh: có {VietnameseFormat.Ratio(9, 22)} cơ quan QLNN cấp tỉnh và {VietnameseFormat.Count2(2)} ĐVSN trực thuộc UBND tỉnh tham gia đánh giá."),
            new HeadingBlock(3, "2.2. Năm 2018:"),
            .. CommuneLines(Communes2018),
            new ListItemBlock(ListMarker.Dash, $"Cấp huyện: có {VietnameseFormat.Ratio(7, 8)} UBND cấp huyện đánh giá. Kết quả phân loại: Hoàn thành xuất sắc: {VietnameseFormat.Count2(4)} ({VietnameseFormat.JoinList(["TP Đồng Hới", "huyện Lệ Thủy", "huyện Quảng Trạch", "Thị xã Ba Đồn"])} tự nhận); Hoàn thành tốt: {VietnameseFormat.Count2(2)} ({VietnameseFormat.JoinList(["huyện Tuyên Hóa", "huyện Bố Trạch"])})."),
            new TableBlock(CommuneTable()) { Caption = "Bảng 1. Kết quả phân loại cấp xã năm 2017 và năm 2018" },
            new FigureBlock(ReportCharts.Png(CommuneChart(), 1000, 520), 150) { Caption = "Biểu đồ 1. Kết quả phân loại cấp xã năm 2017 và năm 2018" },
            new HeadingBlock(2, "3. Những hạn chế, khó khăn vướng mắc trong triển khai thực hiện, đánh giá phân loại theo tiêu chí"),
            .. Limitations.Select(p => new ListItemBlock(ListMarker.Dash, p)),
            new HeadingBlock(1, "III. NHIỆM VỤ VÀ GIẢI PHÁP"),
            .. Tasks.Select(p => new ParagraphBlock(p)),
            .. Closing.Select(p => new ParagraphBlock(p)),
        ],
        Recipients = ["Ban Dân vận Tỉnh ủy", "Ban Cán sự Đảng UBND tỉnh", "Chủ tịch, các PCT UBND tỉnh", "Sở Nội vụ", "Lưu: VT, NC"],
        Signer = new Signer("Phó Chủ tịch", "Nguyễn Văn A") { AuthorityLines = ["TM. Ủy ban nhân dân", "KT. Chủ tịch"] },
    };

    /// <summary>A short document of a provincial department, whose issuer has a parent body.</summary>
    public static OfficialDocument DepartmentLetter() => new()
    {
        Issuer = new IssuingBody("SỞ NỘI VỤ", "UBND TỈNH QUẢNG BÌNH"),
        Number = "   /BC-SNV",
        Place = "Quảng Bình",
        Date = null,
        DocumentType = "BÁO CÁO",
        Summary = "Tình hình tham gia đánh giá công tác dân vận chính quyền năm 2018",
        Body =
        [
            new ParagraphBlock([new TextRun("Đến ngày 15/11/2018, có "), new TextRun(VietnameseFormat.Ratio(19, 22), Bold: true), new TextRun(" sở, ban, ngành gửi kết quả tự đánh giá.")]),
        ],
        Recipients = ["UBND tỉnh (b/c);", "- Lưu: VT."],
        Signer = new Signer("GIÁM ĐỐC", "Trần Thị B"),
    };

    public static ReportTable CommuneTable()
    {
        var shares2017 = VietnameseFormat.Percentages(Communes2017);
        var shares2018 = VietnameseFormat.Percentages(Communes2018);
        return new ReportTable(
            "Cấp xã 2017-2018",
            [
                new ReportColumn("TT", ColumnKind.Integer),
                new ReportColumn("Xếp loại"),
                new ReportColumn("Năm 2017 (số xã)", ColumnKind.Integer),
                new ReportColumn("Tỷ lệ 2017", ColumnKind.Percent),
                new ReportColumn("Năm 2018 (số xã)", ColumnKind.Integer),
                new ReportColumn("Tỷ lệ 2018", ColumnKind.Percent),
            ],
            [
                .. Classes.Select((name, k) => (IReadOnlyList<object?>)[k + 1, name, Communes2017[k], shares2017[k].Value, Communes2018[k], shares2018[k].Value]),
                [null, "Tổng số", Communes2017.Sum(), 100m, Communes2018.Sum(), 100m],
            ]);
    }

    public static BarChart CommuneChart() =>
        ReportCharts.YearComparison(
            "Kết quả phân loại cấp xã",
            Classes,
            [2017, 2018],
            [Communes2017.Select(c => (double)c).ToArray(), Communes2018.Select(c => (double)c).ToArray()]);

    /// <summary>The "+ ..." lines of section II.2, in the words and number format of the report.</summary>
    public static IEnumerable<DocumentBlock> CommuneLines(int[] counts)
    {
        var whole = counts.Sum();
        var shares = VietnameseFormat.Percentages(counts);
        yield return new ListItemBlock(ListMarker.Dash, "Cấp xã:");
        for (var k = 0; k < counts.Length; k++)
        {
            var text = counts[k] == 0
                ? $"{Classes[k]}: Không"
                : $"{Classes[k]}: {VietnameseFormat.Ratio(counts[k], whole)}, chiếm {shares[k].Text}%";
            yield return new ListItemBlock(ListMarker.Plus, text);
        }
    }

    private static readonly string[] Intro =
    [
        "Thực hiện Chương trình phối hợp giữa Ban Dân vận Tỉnh ủy và Ban Cán sự Đảng Ủy ban nhân dân tỉnh về công tác dân vận giai đoạn 2016-2021; Kế hoạch số 44-KH/BDVTU-BCSĐUBND ngày 11/02/2019 và Kế hoạch số 46-KH/BCSĐUBND- BDVTU ngày 05/4/2019 của Ban Cán sự Đảng Ủy ban nhân dân tỉnh và Ban Dân vận Tỉnh ủy về tổ chức Hội nghị “Trao đổi kinh nghiệm về thực hiện các tiêu chí đánh giá công tác dân vận chính quyền” trên địa bàn tỉnh Quảng Bình, Ủy ban nhân dân tỉnh báo cáo đánh giá kết quả hơn 02 năm triển khai thực hiện Quyết định số 3367/QĐ-UBND ngày 26/10/2016 của UBND tỉnh về Quy định các tiêu chí đánh giá công tác dân vận của các cơ quan nhà nước trên địa bàn tỉnh (gọi tắt là Quyết định số 3367/QĐ-UBND) như sau:",
    ];

    private static readonly string[] Leadership =
    [
        "Dưới sự lãnh đạo, chỉ đạo điều hành của các cấp ủy Đảng, của chính quyền các cấp, công tác Dân vận trong hệ thống chính trị nói chung và công tác Dân vận của chính quyền nói riêng đã có sự chuyển biến tích cực và rõ nét, từng bước mang lại hiệu quả, nhất là sau khi Ủy ban nhân dân tỉnh ban hành Quyết định số 3367/QĐ-UBND ngày 26/10/2016 của Ủy ban nhân dân tỉnh về Quy định các tiêu chí đánh giá công tác dân vận của các cơ quan nhà nước trên địa bàn tỉnh Quảng Bình. Đây là nội dung quan trọng, cốt yếu, bám sát nhiệm vụ và thực tiễn tại các cơ quan và địa phương khi đánh giá công tác dân vận chính quyền và cũng là cơ sở để các cơ quan, đơn vị địa phương, người đứng đầu, cán bộ, công chức xác định rõ những nhiệm vụ chủ yếu, những công việc cụ thể gắn với trách nhiệm của từng cơ quan, đơn vị, địa phương khi thực hiện nhiệm vụ.",
        "Triển khai thực hiện Kế hoạch công tác dân vận chính quyền, Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố tổ chức triển khai phổ biến, quán triệt đến toàn thể cán bộ, công chức, viên chức và người lao động về các nội dung của Quyết định số 3367/QĐ-UBND của UBND tỉnh và các văn bản liên quan về công tác dân vận, đồng thời tổ chức tự chấm điểm, đánh giá công tác dân vận tại cơ quan, đơn vị, địa phương; trên cơ sở đó, yêu cầu các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố xây dựng kế hoạch thực hiện công tác dân vận chính quyền của cơ quan, đơn vị mình để tổ chức, thực hiện",
        "Ủy ban nhân dân tỉnh đã phối hợp với Ban Dân vận Tỉnh ủy tổ chức tập huấn công tác dân vận chính quyền; tổ chức hội nghị trao đổi kinh nghiệm trong triển khai thực hiện công tác dân vận chính quyền; xây dựng Kế hoạch kiểm tra và tổ chức kiểm tra việc thực hiện công tác dân vận chính quyền theo các tiêu chí đánh giá quy định tại Quyết định 3367/QĐ-UBND tại các cơ quan, đơn vị, địa phương.",
        "Chỉ đạo Sở Nội vụ theo dõi, đôn đốc và hướng dẫn việc triển khai thực hiện Quyết định 3367/QĐ-UBND, đồng thời tổng hợp báo cáo tình hình, kết quả thực hiện công tác dân vận hàng năm cho Ủy ban nhân dân tỉnh. Thực hiện chức trách được giao, các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố thường xuyên gắn việc triển khai thực hiện các nhiệm vụ phát triển kinh tế xã hội, giữ vững quốc phòng an ninh, ổn định chính trị, an toàn xã hội với thực hiện tốt công tác vận động Nhân dân thực hiện tốt Quy chế dân chủ ở cơ sở. Cán bộ, công chức, viên chức luôn nêu cao tinh thần phục vụ và ý thức trách nhiệm trước Nhân dân trong quá trình thực thi công vụ, tăng cường trách nhiệm trong việc tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo của công dân theo đúng luật định; khắc phục tệ quan liêu, cửa quyền, gây phiền hà cho nhân dân, luôn tôn trọng và phát huy quyền làm chủ của Nhân dân. Công tác dân vận của các cơ quan nhà nước từ tỉnh đến địa phương, cơ sở đã góp phần quan trọng trong việc phát huy sức mạnh khối đại đoàn kết toàn dân, cũng cố lòng tin của Nhân dân đối với các cấp ủy đảng, chính quyền, tạo sự ổn định chính trị, góp phần thực hiện thắng lợi các mục tiêu, nhiệm vụ phát triển kinh tế- xã hội của tỉnh, cũng cố quốc phòng, an ninh xây dựng hệ thống chính trị vững mạnh.",
    ];

    private static readonly string[] Strengths =
    [
        "Qua hơn 2 năm triển khai thực hiện Quyết định số 3367/QĐ-UBND của UBND tỉnh, các sở, ban, ngành, đơn vị cấp tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố và Ủy ban nhân dân các xã, phường, thị trấn trên địa bàn tỉnh đã xác định việc đánh giá, phân loại kết quả thực hiện công tác dân vận chính quyền là một trong những nhiệm vụ quan trọng của cơ quan, đơn vị. Vì vậy, ngay từ đầu năm, các cơ quan, đơn vị, địa phương đã quán triệt trong đảng viên, cán bộ, công chức, viên chức và người lao động thực hiện tốt các chủ trương, đường lối của Đảng, chính sách, pháp luật của nhà nước và xem công tác vận động quần chúng Nhân dân là một trong những nhiệm vụ quan trọng của cơ quan, đơn vị, địa phương.",
        "Nhìn chung, các sở, ban, ngành, địa phương đã bám sát 10 tiêu chí trong bộ tiêu chí đánh giá về công tác dân vận để triển khai thực hiện. Nhiều tiêu chí được các cơ quan, đơn vị, địa phương thực hiện tốt như: Tiêu chí số 01 (về tổ chức triển khai Chương trình hành động số 24-CTr/TU ngày 27/8/2013 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 43/KH-UBND ngày 13/01/2014 của UBND tỉnh về tăng cường đổi mới sự lãnh đạo của Đảng đối với công tác dân vận chính quyền trong tình hình mới), trong đó UBND tỉnh xác định năm 2017 và năm 2018 là năm thực hiện công tác dân vận chính quyền; tiêu chí số 3 (về tổ chức triển khai thực hiện có hiệu quả công tác cải cách hành chính); tiêu chí số 7 (phát động các phong trào dân vận, mô hình dân vận khéo); tiêu chí số 9 (về tiếp xúc, đối thoại trực tiếp với Nhân dân) được thể hiện rõ trong quá trình xử lý các vấn đề nóng trên địa bàn tỉnh như: Việc đền bù cho người dân vùng biển sau sự cố môi trường biển, công tác giải phóng mặt bằng cho các công trình, dự án.",
        "Các tiêu chí đã cơ bản xem xét đánh giá toàn diện các hoạt động quản lý nhà nước trên các lĩnh vực kinh tế, văn hóa - xã hội, quốc phòng - an ninh của cơ quan, đơn vị, địa phương.",
    ];

    private static readonly string[] Limitations =
    [
        "Một số cơ quan, đơn vị, địa phương tổ chức, triển khai thực hiện Quyết định số 3367/QĐ-UBND chưa nghiêm túc.",
        "Việc vận dụng đánh giá các tiêu chí theo Quyết định số 3367/QĐ-UBND đánh giá chưa sát đúng với kết quả thực hiện nhiệm vụ của cơ quan, đơn vị, địa phương.",
        "Thực hiện chế độ thông tin báo cáo chưa đúng thời gian quy định, có một số cơ quan, đơn vị, địa phương không thực hiện báo cáo.",
        "Đối với cấp huyện chưa triển khai thực hiện việc đánh giá, phân loại công tác dân vận chính quyền hàng năm của xã, phường, thị trấn theo các tiêu chí tại quyết định số 3367/QĐ-UBND.",
        "Các tiêu chí chưa có tiêu đề cụ thể; một số tiêu chí phạm vi điều chỉnh rộng, khó đánh giá, có sự trùng lắp.",
        "Phần lớn các tiêu chí đang còn định tính, chưa cụ thể nên xác định kết quả thực hiện để chấm điểm còn ở mức tương đối, chưa thực chất.",
        "Thời gian đánh giá trong tháng 11 hàng năm chưa thống nhất với các quy định về báo cáo tổng kết, đánh giá các lĩnh vực liên quan.",
        "Chưa quy định cụ thể quy trình thực hiện, trách nhiệm của các cơ quan liên quan khi tham gia chấm điểm nên quá trình thực hiện chưa đồng bộ, các cơ quan, đơn vị, địa phương trên địa bàn tỉnh đánh giá theo mỗi cách khác nhau.",
    ];

    private static readonly string[] Tasks =
    [
        "1. Hoàn chỉnh và ban hành Quyết định Quy định tiêu chí, thang điểm và phương pháp đánh giá công tác dân vận của các cơ quan, đơn vị sự nghiệp trên địa bàn tỉnh Quảng Bình thay thế Quyết định số 3367/QĐ-UBND ngày 26/10/2016 của Ủy ban nhân dân tỉnh.",
        "2. Tiếp tục tổ chức phổ biến, quán triệt Quyết định về Quy định tiêu chí các chủ trương, chính sách của Đảng pháp luật của Nhà nước về công tác dân vận.",
        "3. Duy trì và nâng cao hiệu quả việc xây dựng Kế hoạch về công tác dân vận chính quyền của các cơ quan, đơn vị, địa phương.",
        "4. Nâng cao trách nhiệm người đứng đầu của các cơ quan, đơn vị, địa phương trong việc tổ chức thực hiện công tác dân vận gắn với thực hiện nhiệm vụ chính trị của cơ quan, đơn vị, địa phương trong việc đánh giá, phân loại theo Quyết định.",
        "5. Sở Nội vụ chủ trì, phối hợp với Ban Dân vận Tỉnh ủy hướng dẫn về quy trình, cách thức tổ chức đánh giá cho các cơ quan, đơn vị, địa phương; tham mưu UBND tỉnh tổ chức kiểm tra việc thực hiện công tác dân vận chính quyền, Quy chế dân chủ cơ sở tại các cơ quan, đơn vị, địa phương; tham mưu đánh giá kết quả thực hiện các tiêu chí đánh giá công tác dân vận chính quyền của các cơ quan nhà nước trên địa bàn tỉnh theo quy định.",
        "6. Tăng cường công tác theo dõi, đôn đốc, kiểm tra, tổng hợp, báo cáo kết quả thực hiện Quyết định.",
        "7. Gắn kết quả kiểm tra, đánh giá phân loại vào công tác thi đua, khen thưởng hàng năm.",
    ];

    private static readonly string[] Closing =
    [
        "Trên đây là kết quả hơn 2 năm tổ chức, triển khai thực hiện Quyết định số 3367/QĐ-UBND ngày 26/10/2016 của Ủy ban nhân dân tỉnh và một số giải pháp thực hiện về công tác dân vận chính quyền trên địa bàn tỉnh Quảng Bình./.",
    ];
}
