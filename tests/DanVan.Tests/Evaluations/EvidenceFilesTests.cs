using System.Buffers.Binary;
using DanVan.Evaluations;
using DanVan.Refusals;

namespace DanVan.Tests.Evaluations;

/// <summary>Evidence files are recognised by content; the name must agree; each refusal names the file.</summary>
public sealed class EvidenceFilesTests
{
    private static string? Code(Refusal? r) => r is null ? null : $"{r.Code}@{r.Where.Key}";

    [Fact]
    public void Should_tell_a_Word_from_an_Excel_97_2003_file_by_their_streams()
    {
        EvidenceFiles.Detect(CompoundFiles.Doc).ShouldBe(EvidenceFileType.Doc);
        EvidenceFiles.Detect(CompoundFiles.Xls).ShouldBe(EvidenceFileType.Xls);
        EvidenceFiles.Detect(CompoundFiles.Build(["Book"])).ShouldBe(EvidenceFileType.Xls, "Excel 5.0/95 names its stream Book");
        // Enough entries for a directory of two sectors, the second reached through the FAT.
        EvidenceFiles.Detect(CompoundFiles.Build(["a", "b", "c", "d", "e", "WordDocument"])).ShouldBe(EvidenceFileType.Doc);

        EvidenceFiles.ContentType(EvidenceFileType.Doc).ShouldBe("application/msword");
        EvidenceFiles.ContentType(EvidenceFileType.Xls).ShouldBe("application/vnd.ms-excel");
    }

    [Fact]
    public void Should_recognise_no_type_in_other_compound_files_or_a_bare_header()
    {
        // A PowerPoint 97–2003 file, an Outlook message: compound files too, but not accepted.
        EvidenceFiles.Detect(CompoundFiles.Build(["PowerPoint Document", "Current User"])).ShouldBeNull();
        EvidenceFiles.Detect(CompoundFiles.Build(["__properties_version1.0"], "__substg1.0_0037001F")).ShouldBeNull();
        // A Word document embedded in a presentation lies in a storage, not at the root.
        EvidenceFiles.Detect(CompoundFiles.Build(["PowerPoint Document"], "MBD0001", ["WordDocument"])).ShouldBeNull();
        EvidenceFiles.Detect(CompoundFiles.Build(["Workbook"], "MBD0001", ["WordDocument"])).ShouldBe(EvidenceFileType.Xls);

        // The signature alone, followed by text, is no file at all.
        var header = CompoundFiles.Doc[..8].Concat("Day la van ban thuong"u8.ToArray()).ToArray();
        EvidenceFiles.Detect(header).ShouldBeNull();
    }

    [Fact]
    public void Should_end_a_looping_or_broken_directory_chain_without_a_type()
    {
        var looping = CompoundFiles.Doc;
        BinaryPrimitives.WriteUInt32LittleEndian(looping.AsSpan(512 + 4), 1); // the directory sector is its own successor
        EvidenceFiles.Detect(looping).ShouldBeNull("a chain that loops is a broken file; the walk ends after as many sectors as the file has");

        var outside = CompoundFiles.Doc;
        BinaryPrimitives.WriteUInt32LittleEndian(outside.AsSpan(0x30), 5000); // the directory beyond the end of the file
        EvidenceFiles.Detect(outside).ShouldBeNull();

        var cut = CompoundFiles.Doc[..600];
        EvidenceFiles.Detect(cut).ShouldBeNull();
    }

    [Fact]
    public void Should_refuse_a_text_file_named_doc_and_a_file_whose_name_says_another_type()
    {
        EvidenceFiles.Check("bien-ban.doc", CompoundFiles.Doc).ShouldBe((EvidenceFileType.Doc, null));
        EvidenceFiles.Check("SO LIEU.XLS", CompoundFiles.Xls).ShouldBe((EvidenceFileType.Xls, null));
        Code(EvidenceFiles.Check("bien-ban.doc", "Day la van ban thuong"u8.ToArray()).Refusal).ShouldBe("evidence.fileWrongType@file:bien-ban.doc");
        Code(EvidenceFiles.Check("so-lieu.doc", CompoundFiles.Xls).Refusal).ShouldBe("evidence.fileNameMismatch@file:so-lieu.doc");
        Code(EvidenceFiles.Check("so-lieu", CompoundFiles.Xls).Refusal).ShouldBe("evidence.fileNameMismatch@file:so-lieu");
        Code(EvidenceFiles.Check("rong.doc", []).Refusal).ShouldBe("evidence.fileEmpty@file:rong.doc");
        Code(EvidenceFiles.SizeRefusal("lon.xls", EvidenceFiles.MaxBytes + 1)).ShouldBe("evidence.fileTooLarge@file:lon.xls");
        Code(EvidenceFiles.CountRefusal(EvidenceFiles.MaxFilesAtOnce + 1)).ShouldBe("evidence.tooManyFiles@file");
        EvidenceFiles.CountRefusal(EvidenceFiles.MaxFilesAtOnce).ShouldBeNull();

        RefusalText.RenderWithPlace(EvidenceFiles.Check("so-lieu.doc", CompoundFiles.Xls).Refusal!, RefusalText.Vietnamese)
            .ShouldBe("so-lieu.doc: Nội dung tệp là XLS nhưng tên tệp không có đuôi .xls; hãy chọn đúng tệp hoặc đặt lại tên tệp. Tệp không được lưu.");
        RefusalText.Render(EvidenceFiles.Check("bien-ban.doc", "x"u8.ToArray()).Refusal!, RefusalText.Vietnamese)
            .ShouldBe("Tệp không đúng định dạng cho phép (PDF, DOC, DOCX, XLS, XLSX, JPG, PNG) theo nội dung tệp; tệp không được lưu.");
    }

    [Fact]
    public void Should_word_every_evidence_file_code_in_both_languages()
    {
        string[] codes =
        [
            "evidence.fileEmpty", "evidence.fileTooLarge", "evidence.fileWrongType", "evidence.fileNameMismatch",
            "evidence.tooManyFiles", "evidence.oneFilePerRequest", "evidence.fileRequired",
        ];
        codes.Where(c => !RefusalText.Knows(c)).ShouldBeEmpty();
    }
}
