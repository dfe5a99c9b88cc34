namespace DanVan.TestSupport.Reports;

/// <summary>Section II.2 of reference report 000 (Quảng Bình), line for line, as every output must write it.</summary>
public static class ReferenceLines
{
    /// <summary>2.1. Năm 2017.</summary>
    public static readonly string[] Year2017 =
    [
        "- Cấp xã:",
        "+ Hoàn thành xuất sắc: 70/159, chiếm 44%",
        "+ Hoàn thành tốt: 62/159, chiếm 39%",
        "+ Hoàn thành: 27/159, chiếm 17%",
        "+ Không hoàn thành: Không",
        "- Cấp huyện: có 04/08 UBND cấp huyện đánh giá. Kết quả phân loại: Hoàn thành xuất sắc: 03 (TP Đồng Hới, huyện Tuyên Hóa và huyện Quảng Trạch tự nhận); Hoàn thành tốt: 01 (huyện Lệ Thủy). Các huyện còn lại (Minh Hóa, Bố Trạch, Quảng Ninh và Ba Đồn) chỉ đánh giá, phân loại ở cấp xã, không đánh giá phân loại ở cấp huyện.",
        "- Sở, ban, ngành cấp tỉnh: có 09/22 cơ quan QLNN cấp tỉnh và 02 ĐVSN trực thuộc UBND tỉnh tham gia đánh giá. Kết quả phân loại: hoàn thành xuất sắc: 08 cơ quan, đơn vị; hoàn thành tốt: 01 cơ quan, đơn vị và hoàn thành: 02 cơ quan, đơn vị.",
    ];

    /// <summary>2.2. Năm 2018.</summary>
    public static readonly string[] Year2018 =
    [
        "- Cấp xã:",
        "+ Hoàn thành xuất sắc: 89/159, chiếm 56%",
        "+ Hoàn thành tốt: 45/159, chiếm 28,3%",
        "+ Hoàn thành: 25/159, chiếm 15,7%",
        "+ Không hoàn thành: Không",
        "- Cấp huyện: có 07/08 UBND cấp huyện đánh giá. Kết quả phân loại: Hoàn thành xuất sắc: 04 (TP Đồng Hới, huyện Quảng Trạch, huyện Lệ Thủy và thị xã Ba Đồn tự nhận); Hoàn thành tốt: 02 (huyện Tuyên Hóa và huyện Bố Trạch). Quảng Ninh chỉ đánh giá, phân loại ở cấp xã, không đánh giá phân loại ở cấp huyện. Riêng huyện Minh Hóa năm 2018, đoàn kiểm tra của tỉnh đã kiểm tra và xếp loại hoàn thành tốt.",
        "- Sở, ban, ngành cấp tỉnh: có 19/22 cơ quan QLNN cấp tỉnh và 04 ĐVSN trực thuộc UBND tỉnh tham gia đánh giá. Kết quả phân loại: hoàn thành xuất sắc: 16 cơ quan, đơn vị và hoàn thành tốt: 07 cơ quan, đơn vị.",
    ];
}
