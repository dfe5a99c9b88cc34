using DanVan.Registries.Duplicates;

namespace DanVan.Tests.Registries;

public sealed class DuplicatesTests
{
    private const string Matter = "Đề nghị giải quyết tranh chấp ranh giới thửa đất số 125 tờ bản đồ số 7 với hộ ông Trần Văn Bình";

    private static DuplicateRecord Record(string key, string? name = "Nguyễn Văn An", string? id = null, string? address = "Thôn 3, xã Tân Lập, huyện Đan Phượng",
        string? phone = null, string matter = Matter, DateOnly? date = null, string unit = "/1/2/3/") =>
        new(key, unit, date ?? new DateOnly(2025, 3, 10), name, id, address, phone, matter, "khiếu nại", "đất đai");

    private static IReadOnlyList<DuplicateCandidate> Find(params DuplicateRecord[] records) => DuplicateFinder.Find(records, DuplicateSettings.Default);

    private static MatchReason Reason(DuplicateCandidate c, string field) => c.Reasons.Single(r => r.Field == field);

    [Theory]
    [InlineData("Nguyễn Văn An", "nguyen van an")]
    [InlineData("NGUYỄN   VĂN  AN", "nguyen van an")]
    [InlineData("Đặng Thị Đào.", "dang thi dao")]
    [InlineData("Nguye\u0302\u0303n Va\u0306n An", "nguyen van an")] // decomposed (NFD) input
    public void Fold_removes_diacritics_case_spacing_and_punctuation(string input, string folded) =>
        VietnameseText.Fold(input).ShouldBe(folded);

    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("An Nguyễn Văn")]
    [InlineData("NGUYEN VAN AN")]
    [InlineData("An Văn Nguyễn")]
    [InlineData("nguyễn  văn an")]
    public void Name_in_any_order_gives_the_Vietnamese_order_with_the_given_name_last(string written)
    {
        var name = VietnameseText.Name(written)!;
        name.Canonical.ShouldBe("nguyen van an");
        name.Given.ShouldBe("an");
        name.Family.ShouldBe("nguyen");
    }

    [Fact]
    public void A_family_name_that_is_also_a_given_name_stays_the_given_name_when_reordered() =>
        VietnameseText.Name("Mai Nguyễn Thị")!.Canonical.ShouldBe("nguyen thi mai");

    [Theory]
    [InlineData("TP. Hà Nội", "thanhpho ha noi")]
    [InlineData("Tp Hà Nội", "thanhpho ha noi")]
    [InlineData("T.P Hà Nội", "thanhpho ha noi")]
    [InlineData("thành phố Hà Nội", "thanhpho ha noi")]
    [InlineData("P. 5, Q. 3", "phuong 5 quan 3")]
    [InlineData("P5, Q.3", "phuong 5 quan 3")]
    [InlineData("phường 05, quận Ba", "phuong 5 quan 3")]
    [InlineData("TX. Sơn Tây", "thixa son tay")]
    [InlineData("thị xã Sơn Tây", "thixa son tay")]
    [InlineData("H. Đan Phượng", "huyen dan phuong")]
    [InlineData("huyện Đan Phượng", "huyen dan phuong")]
    [InlineData("X. Tân Lập", "xa tan lap")]
    [InlineData("xã Tân Lập", "xa tan lap")]
    [InlineData("TT. Phùng", "thitran phung")]
    [InlineData("thị trấn Phùng", "thitran phung")]
    [InlineData("KP 4", "khupho 4")]
    [InlineData("khu phố Bốn", "khupho 4")]
    [InlineData("tổ 12", "to 12")]
    [InlineData("Tổ XII", "to 12")]
    [InlineData("thôn 3", "thon 3")]
    [InlineData("thôn Ba", "thon 3")]
    [InlineData("thôn III", "thon 3")]
    [InlineData("Thôn mười lăm", "thon 15")]
    [InlineData("xóm hai mươi", "xom 20")]
    [InlineData("thôn X, X. Tân Lập", "thon 10 xa tan lap")]
    public void Address_abbreviations_and_numbers_are_written_one_way(string written, string canonical) =>
        VietnameseText.Address(written).Canonical.ShouldBe(canonical);

    [Fact]
    public void Address_names_its_commune_and_district_and_leaves_the_province_out()
    {
        var a = VietnameseText.Address("Thôn Ba, X. Tân Lập, H. Đan Phượng, tỉnh Hà Tây");
        a.Canonical.ShouldBe("thon 3 xa tan lap huyen dan phuong");
        a.Commune.ShouldBe("xa tan lap");
        a.District.ShouldBe("huyen dan phuong");
    }

    [Theory]
    [InlineData("0912 345 678")]
    [InlineData("+84 912 345 678")]
    [InlineData("84912345678")]
    [InlineData("(+84) 912.345.678")]
    [InlineData("0084 912-345-678")]
    public void Phones_in_any_format_give_the_national_digits(string written) => VietnameseText.Phone(written).ShouldBe("0912345678");

    [Theory]
    [InlineData("Nguyen Van An")] // no diacritics
    [InlineData("NGUYỄN  VĂN   AN")] // case and spacing
    [InlineData("An Nguyễn Văn")] // order
    [InlineData("Nguye\u0302\u0303n Va\u0306n An")] // decomposed
    public void A_name_written_another_way_is_an_exact_name_match(string name)
    {
        var c = Find(Record("P:1", phone: "0912345678"), Record("P:2", name: name, phone: "+84912345678")).ShouldHaveSingleItem();
        Reason(c, "name").Level.ShouldBe("exact");
        Reason(c, "phone").Level.ShouldBe("exact");
    }

    [Fact]
    public void The_letter_đ_folds_to_d_so_names_match()
    {
        var c = Find(Record("P:1", name: "Đỗ Thị Đào", phone: "0912345678"), Record("P:2", name: "Do Thi Dao", phone: "0912345678")).ShouldHaveSingleItem();
        Reason(c, "name").ShouldBe(new MatchReason("name", "exact", 1, Reason(c, "name").Weight));
    }

    [Theory]
    [InlineData("Thôn Ba, X. Tân Lập, H. Đan Phượng")]
    [InlineData("thôn III xã Tân Lập huyện Đan Phượng")]
    [InlineData("Thôn 3 - Xã Tân Lập - H.Đan Phượng - Tỉnh Hà Tây")]
    public void An_address_written_with_abbreviations_or_number_words_is_an_exact_address_match(string address)
    {
        var c = Find(Record("P:1"), Record("P:2", address: address)).ShouldHaveSingleItem();
        Reason(c, "address").Level.ShouldBe("exact");
        Reason(c, "address").Weight.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_same_ID_links_the_commune_and_the_province_records_even_with_a_typo_in_the_name()
    {
        var c = Find(
            Record("P:1", name: "Nguyễn Văn An", id: "h-123", unit: "/1/2/3/"),
            Record("P:9", name: "Nguyễn Văm An", id: "h-123", address: "xã Tân Lập", unit: "/1/"),
            Record("P:5", name: "Nguyễn Văn An", id: "h-999", address: "Phường 2, Quận 3", matter: "Phản ánh việc chậm chi trả trợ cấp người có công")).ShouldHaveSingleItem();
        (c.LeftKey, c.RightKey).ShouldBe(("P:1", "P:9"));
        Reason(c, "idNumber").Level.ShouldBe("exact");
        Reason(c, "name").Level.ShouldBe("close");
        Reason(c, "address").Level.ShouldBe("close");
        c.Probability.ShouldBeGreaterThan(0.99);
    }

    [Fact]
    public void An_ID_given_on_one_side_only_is_missing_and_weighs_nothing()
    {
        var c = Find(Record("P:1", id: "h-123", phone: "0912345678"), Record("P:2", phone: "0912 345 678")).ShouldHaveSingleItem();
        Reason(c, "idNumber").ShouldBe(new MatchReason("idNumber", "missing", 0, 0));
    }

    [Fact]
    public void Dates_close_together_count_for_a_match_and_years_apart_against_it()
    {
        var near = Find(Record("P:1"), Record("P:2", date: new DateOnly(2025, 3, 30))).ShouldHaveSingleItem();
        Reason(near, "date").Level.ShouldBe("exact");
        Reason(near, "date").Weight.ShouldBeGreaterThan(0);
        var far = DuplicateFinder.Compare([Record("P:1"), Record("P:2", date: new DateOnly(2023, 1, 5))], 0, 1, DuplicateSettings.Default);
        Reason(far, "date").Level.ShouldBe("different");
        Reason(far, "date").Weight.ShouldBeLessThan(0);
        far.Probability.ShouldBeLessThan(near.Probability);
    }

    [Fact]
    public void A_paraphrased_matter_is_close_and_another_matter_by_the_same_person_is_not_a_duplicate()
    {
        var records = new[]
        {
            Record("P:1", id: "h-1", phone: "0912345678"),
            Record("P:2", id: "h-1", phone: "0912345678", matter: "Kiến nghị xem xét giải quyết tranh chấp ranh giới thửa đất 125, tờ bản đồ 7, với hộ ông Trần Văn Bình"),
            Record("P:3", id: "h-1", phone: "0912345678", matter: "Phản ánh việc chậm chi trả chế độ trợ cấp người có công với cách mạng"),
        };
        var c = DuplicateFinder.Find(records, DuplicateSettings.Default).ShouldHaveSingleItem();
        (c.LeftKey, c.RightKey).ShouldBe(("P:1", "P:2"));
        Reason(c, "matter").Level.ShouldBeOneOf("exact", "close");
        Reason(c, "matter").Similarity.ShouldBeLessThan(1);
        var other = DuplicateFinder.Compare(records, 0, 2, DuplicateSettings.Default);
        Reason(other, "matter").Level.ShouldBe("different");
        other.Probability.ShouldBeLessThan(0.5);
    }

    [Fact]
    public void A_different_person_with_the_same_common_name_is_not_a_candidate()
    {
        Find(
            Record("P:1", name: "Nguyễn Văn Hùng", id: "h-1", phone: "0912345678"),
            Record("P:2", name: "Nguyễn Văn Hùng", id: "h-2", phone: "0987654321", address: "Tổ 5, phường Quang Trung, TP. Hà Đông",
                matter: "Tố cáo cán bộ địa chính thu tiền sai quy định khi cấp giấy chứng nhận", date: new DateOnly(2024, 6, 1))).ShouldBeEmpty();
        Find(
            Record("P:1", name: "Nguyễn Văn Hùng"),
            Record("P:2", name: "Nguyễn Văn Hùng", address: "Tổ 5, phường Quang Trung, TP. Hà Đông",
                matter: "Tố cáo cán bộ địa chính thu tiền sai quy định khi cấp giấy chứng nhận", date: new DateOnly(2024, 6, 1))).ShouldBeEmpty();
    }

    [Fact]
    public void Rejected_pairs_and_pairs_in_one_case_are_not_returned_again()
    {
        var records = new[] { Record("P:1", phone: "0912345678"), Record("R:2", phone: "0912345678"), Record("P:3", phone: "0912345678") };
        DuplicateFinder.Find(records, DuplicateSettings.Default).Count.ShouldBe(3);
        var left = DuplicateFinder.Find(records, DuplicateSettings.Default, new DuplicateExclusions().Reject("R:2", "P:1").InCase("P:1", "C:7").InCase("P:3", "C:7"));
        left.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.LeftKey.ShouldBe("P:3"), c => c.RightKey.ShouldBe("R:2"));
        DuplicateFinder.Find(records, DuplicateSettings.Default, DuplicateExclusions.Of([("R:2", "P:1"), ("P:1", "P:3")], [("R:2", "C:1")]))
            .ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.LeftKey.ShouldBe("P:3"), c => c.RightKey.ShouldBe("R:2"));
    }

    [Fact]
    public void Reasons_name_every_field_with_its_level_similarity_and_weight()
    {
        var c = Find(Record("P:1", id: "h-1", phone: "0912345678"), Record("P:2", name: "Nguyen Van An", id: "h-1", address: null, phone: "84912345678",
            date: new DateOnly(2025, 3, 12))).ShouldHaveSingleItem();
        c.Reasons.Select(r => r.Field).ShouldBe(["name", "idNumber", "address", "phone", "date", "matter"]);
        c.Reasons.Select(r => r.Level).ShouldBe(["exact", "exact", "missing", "exact", "exact", "exact"]);
        Reason(c, "address").Weight.ShouldBe(0);
        Reason(c, "date").Similarity.ShouldBe(Math.Round(1 - 2 / 365.0, 3));
        c.Reasons.Where(r => r.Level == "exact").ShouldAllBe(r => r.Weight > 0);
        Reason(c, "idNumber").Weight.ShouldBeGreaterThan(Reason(c, "name").Weight);
        c.Probability.ShouldBeGreaterThan(0.99);
    }

    [Fact]
    public void A_common_name_weighs_less_than_a_rare_one_once_there_are_enough_records()
    {
        var records = Enumerable.Range(0, 2000).Select(i => Record($"P:{i}", name: i % 50 == 0 ? "Nguyễn Văn Hùng" : $"Lò Văn Ngư{i}",
            address: $"Thôn {i % 20 + 1}, xã Xã{i % 97}", matter: $"Việc số {i}")).ToList();
        records.Add(Record("P:a", name: "Hứa Thị Yến"));
        records.Add(Record("P:b", name: "Hứa Thị Yến"));
        var common = DuplicateFinder.Compare(records, 0, 50, DuplicateSettings.Default);
        var rare = DuplicateFinder.Compare(records, records.Count - 2, records.Count - 1, DuplicateSettings.Default);
        Reason(common, "name").Weight.ShouldBe(Math.Round(Math.Log2(DuplicateSettings.Default.NameExact.M / (40 / 2002.0)), 2));
        Reason(rare, "name").Weight.ShouldBe(Math.Round(Math.Log2(DuplicateSettings.Default.NameExact.M / (2 / 2002.0)), 2));
    }
}
