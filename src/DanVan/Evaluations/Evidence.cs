using System.IO.Compression;

namespace DanVan.Evaluations;

/// <summary>Evidence (tài liệu kiểm chứng) for a criterion: an uploaded file or a document reference.</summary>
public sealed class Evidence
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The assessment.</summary>
    public int AssessmentId { get; set; }

    /// <summary>The criterion it backs.</summary>
    public required string CriterionId { get; set; }

    /// <summary>A document reference, e.g. "Kế hoạch số 44-KH/BDVTU-BCSĐUBND ngày 11/02/2019"; null for a file.</summary>
    public string? DocumentRef { get; set; }

    /// <summary>Longest document reference, in characters (trimmed), on every path.</summary>
    public const int MaxReferenceLength = 500;

    /// <summary>The file name as uploaded (shown, never used as a path).</summary>
    public string? FileName { get; set; }

    /// <summary>The generated name the file is stored under, outside the web root.</summary>
    public string? StoredName { get; set; }

    /// <summary>The type found by reading the content.</summary>
    public EvidenceFileType? FileType { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>SHA-256 of the content, hex.</summary>
    public string? Sha256 { get; set; }

    /// <summary>Who added it.</summary>
    public required string AddedBy { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime AddedAt { get; set; }
}

/// <summary>File types accepted as evidence.</summary>
public enum EvidenceFileType
{
    /// <summary>PDF document.</summary>
    Pdf = 1,

    /// <summary>Word document.</summary>
    Docx = 2,

    /// <summary>Excel workbook.</summary>
    Xlsx = 3,

    /// <summary>JPEG picture.</summary>
    Jpeg = 4,

    /// <summary>PNG picture.</summary>
    Png = 5,
}

/// <summary>Recognises evidence files by their content, not by their name.</summary>
public static class EvidenceFiles
{
    /// <summary>Largest file accepted: 10 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The MIME type to serve a stored file with.</summary>
    public static string ContentType(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => "application/pdf",
        EvidenceFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceFileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceFileType.Jpeg => "image/jpeg",
        EvidenceFileType.Png => "image/png",
        _ => "application/octet-stream",
    };

    /// <summary>The type of the content, or null when it is none of the accepted types.</summary>
    public static EvidenceFileType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return EvidenceFileType.Pdf;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return EvidenceFileType.Png;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return EvidenceFileType.Jpeg;
        if (content.StartsWith("PK\x03\x04"u8)) return DetectOfficeZip(content.ToArray());
        return null;
    }

    private static EvidenceFileType? DetectOfficeZip(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.GetEntry("word/document.xml") is not null) return EvidenceFileType.Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return EvidenceFileType.Xlsx;
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
