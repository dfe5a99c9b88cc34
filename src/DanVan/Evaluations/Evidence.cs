using System.Buffers.Binary;
using System.IO.Compression;
using DanVan.Refusals;

namespace DanVan.Evaluations;

/// <summary>Evidence (tài liệu kiểm chứng) for a criterion: an uploaded file, a document reference, or a link to a
/// document of the unit's register (<see cref="UnitDocument"/>).</summary>
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

    /// <summary>The generated name the file is stored under (a file's content is in <see cref="Content"/>, or in the
    /// evidence folder under this name when the folder store is chosen); null for a document reference.</summary>
    public string? StoredName { get; set; }

    /// <summary>The file's bytes kept in the database (the default store); null for a reference or a folder-stored file.</summary>
    /// <remarks>Never loaded with the evidence list: only a download reads it.</remarks>
    public EvidenceContent? Content { get; set; }

    /// <summary>The type found by reading the content.</summary>
    public EvidenceFileType? FileType { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; set; }

    /// <summary>SHA-256 of the content, hex.</summary>
    public string? Sha256 { get; set; }

    /// <summary>A document of the unit's register this item links to (its file and words are the document's); null otherwise.</summary>
    public int? UnitDocumentId { get; set; }

    /// <summary>The linked document, when loaded.</summary>
    public UnitDocument? UnitDocument { get; set; }

    /// <summary>The appraiser's reason when the item is marked "chưa đủ căn cứ" (the unit reads it); null when not marked.</summary>
    public string? InsufficientReason { get; set; }

    /// <summary>Who marked it.</summary>
    public string? InsufficientBy { get; set; }

    /// <summary>When it was marked (UTC).</summary>
    public DateTime? InsufficientAt { get; set; }

    /// <summary>Who added it.</summary>
    public required string AddedBy { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime AddedAt { get; set; }
}

/// <summary>The bytes of one evidence file, in their own table so that lists of evidence never read them; removed with
/// their evidence (cascade), in the same transaction, and carried by every database backup.</summary>
public sealed class EvidenceContent
{
    /// <summary>The evidence item (also the key).</summary>
    public int EvidenceId { get; set; }

    /// <summary>The file as uploaded.</summary>
    public required byte[] Bytes { get; set; }
}

/// <summary>File types accepted as evidence.</summary>
/// <remarks>Stored as numbers: new types take new numbers.</remarks>
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

    /// <summary>Word 97–2003 document (OLE2 compound file with a WordDocument stream).</summary>
    Doc = 6,

    /// <summary>Excel 97–2003 (or 5.0/95) workbook (OLE2 compound file with a Workbook or Book stream).</summary>
    Xls = 7,
}

/// <summary>Recognises evidence files by their content, and refuses one whose name says another type.</summary>
public static class EvidenceFiles
{
    /// <summary>Largest file accepted: 10 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Most files added at once (one form).</summary>
    public const int MaxFilesAtOnce = 10;

    // Every accepted type, in the order messages and the file picker list them (declared before the lists built from it).
    private static readonly EvidenceFileType[] Listed =
        [EvidenceFileType.Pdf, EvidenceFileType.Doc, EvidenceFileType.Docx, EvidenceFileType.Xls, EvidenceFileType.Xlsx, EvidenceFileType.Jpeg, EvidenceFileType.Png];

    /// <summary>The types as people name them: PDF, DOC, DOCX, XLS, XLSX, JPG, PNG.</summary>
    public static readonly IReadOnlyList<string> Names = [.. Listed.Select(Name)];

    /// <summary>The extensions a file of an accepted type may be named with (the page's <c>accept</c> list too).</summary>
    public static readonly IReadOnlyList<string> Extensions = [.. Listed.SelectMany(ExtensionsOf)];

    /// <summary>The MIME type to serve a stored file with.</summary>
    public static string ContentType(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Pdf => "application/pdf",
        EvidenceFileType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceFileType.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        EvidenceFileType.Jpeg => "image/jpeg",
        EvidenceFileType.Png => "image/png",
        EvidenceFileType.Doc => "application/msword",
        EvidenceFileType.Xls => "application/vnd.ms-excel",
        _ => "application/octet-stream",
    };

    /// <summary>The type's name as people know it (JPG for JPEG).</summary>
    public static string Name(EvidenceFileType type) => type == EvidenceFileType.Jpeg ? "JPG" : type.ToString().ToUpperInvariant();

    /// <summary><c>evidence.fileEmpty</c> or <c>evidence.fileTooLarge</c> for a file of <paramref name="length"/> bytes, before reading it; null otherwise.</summary>
    public static Refusal? SizeRefusal(string fileName, long length) =>
        length == 0 ? new Refusal("evidence.fileEmpty", At(fileName))
        : length > MaxBytes ? Refusal.Of("evidence.fileTooLarge", At(fileName), ("max", (int)(MaxBytes / (1024 * 1024))))
        : null;

    /// <summary><c>evidence.tooManyFiles</c> when more than <see cref="MaxFilesAtOnce"/> files come together; null otherwise.</summary>
    public static Refusal? CountRefusal(int count) =>
        count > MaxFilesAtOnce ? Refusal.Of("evidence.tooManyFiles", Where.AtField("file"), ("max", MaxFilesAtOnce)) : null;

    /// <summary>
    /// The type of an upload, read from its content; the refusal when there is none: <c>evidence.fileWrongType</c> when
    /// the content is none of the accepted types, <c>evidence.fileNameMismatch</c> when the name's extension says
    /// another type than the content (an .xls renamed .doc would open in the wrong program, or not at all).
    /// </summary>
    public static (EvidenceFileType? Type, Refusal? Refusal) Check(string fileName, ReadOnlySpan<byte> content)
    {
        if (SizeRefusal(fileName, content.Length) is { } size) return (null, size);
        if (Detect(content) is not { } type) return (null, Refusal.Of("evidence.fileWrongType", At(fileName), ("accepted", Names)));
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!ExtensionsOf(type).Contains(extension))
            return (null, Refusal.Of("evidence.fileNameMismatch", At(fileName),
                ("extension", extension), ("found", Name(type)), ("expected", string.Join("/", ExtensionsOf(type)))));
        return (type, null);
    }

    /// <summary>The type of the content, or null when it is none of the accepted types.</summary>
    public static EvidenceFileType? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8)) return EvidenceFileType.Pdf;
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return EvidenceFileType.Png;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return EvidenceFileType.Jpeg;
        if (content.StartsWith("PK\x03\x04"u8)) return DetectOfficeZip(content.ToArray());
        if (content.StartsWith(CompoundFile.Signature)) return CompoundFile.Detect(content);
        return null;
    }

    private static string[] ExtensionsOf(EvidenceFileType type) => type switch
    {
        EvidenceFileType.Jpeg => [".jpg", ".jpeg"],
        _ => ["." + type.ToString().ToLowerInvariant()],
    };

    // The file name is the place: several files go in one form, and each refused one must be named.
    private static Where At(string fileName) => new() { File = fileName };

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

    /// <summary>
    /// Word and Excel 97–2003 files are OLE2 compound files (MS-CFB): a FAT file system in one file. The header alone
    /// does not tell a .doc from an .xls (or from an Outlook message or an installer), so the top-level streams are
    /// read: WordDocument → DOC, Workbook (Book for Excel 5.0/95) → XLS; anything else, or a broken structure, is none.
    /// </summary>
    private static class CompoundFile
    {
        public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

        private const uint MaxRegularSector = 0xFFFFFFFA;
        private const uint NoStream = 0xFFFFFFFF;
        private const int HeaderDifatEntries = 109;
        private const int EntrySize = 128;

        public static EvidenceFileType? Detect(ReadOnlySpan<byte> file)
        {
            if (file.Length < 512 || U16(file, 0x1C) != 0xFFFE) return null;
            var shift = U16(file, 0x1E);
            if (shift is not (9 or 12)) return null; // 512-byte (version 3) or 4096-byte (version 4) sectors
            var size = 1 << shift;
            // Every chain is walked at most once per sector in the file, so a looping chain ends.
            var budget = file.Length / size + 1;

            var streams = new List<(string Name, byte Type, uint Left, uint Right, uint Child)>();
            for (var sector = U32(file, 0x30); sector != 0xFFFFFFFE; sector = Next(file, size, sector))
            {
                if (sector > MaxRegularSector || budget-- == 0) return null;
                var data = Sector(file, size, sector);
                if (data.Length < size) return null;
                for (var at = 0; at + EntrySize <= size; at += EntrySize)
                {
                    var entry = data.Slice(at, EntrySize);
                    var nameBytes = Math.Clamp((int)U16(entry, 0x40), 2, 64) - 2; // length in bytes with the closing NUL
                    var name = System.Text.Encoding.Unicode.GetString(entry[..nameBytes]);
                    streams.Add((name, entry[0x42], U32(entry, 0x44), U32(entry, 0x48), U32(entry, 0x4C)));
                }
            }
            if (streams.Count == 0 || streams[0].Type != 5) return null; // entry 0 is the root storage

            // The root's children form a tree of siblings (left, right); their own children are nested storages,
            // not looked at, so an Excel sheet with an embedded Word document stays an Excel sheet.
            var top = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var seen = new HashSet<uint>();
            var pending = new Stack<uint>();
            pending.Push(streams[0].Child);
            while (pending.TryPop(out var id))
            {
                if (id == NoStream || id >= streams.Count || !seen.Add(id)) continue;
                var (name, type, left, right, _) = streams[(int)id];
                if (type == 2) top.Add(name);
                pending.Push(left);
                pending.Push(right);
            }
            if (top.Contains("WordDocument")) return EvidenceFileType.Doc;
            if (top.Contains("Workbook") || top.Contains("Book")) return EvidenceFileType.Xls;
            return null;
        }

        /// <summary>The next sector of a chain, from the FAT; a broken FAT ends the chain at a non-sector.</summary>
        private static uint Next(ReadOnlySpan<byte> file, int size, uint sector)
        {
            var perSector = (uint)size / 4;
            var fat = FatSector(file, size, sector / perSector);
            if (fat > MaxRegularSector) return NoStream;
            var data = Sector(file, size, fat);
            var at = (int)(sector % perSector) * 4;
            return at + 4 <= data.Length ? U32(data, at) : NoStream;
        }

        /// <summary>Where the <paramref name="index"/>-th FAT sector is: 109 in the header, the rest in the DIFAT chain.</summary>
        private static uint FatSector(ReadOnlySpan<byte> file, int size, uint index)
        {
            if (index < HeaderDifatEntries) return U32(file, 0x4C + (int)index * 4);
            index -= HeaderDifatEntries;
            var perDifat = (uint)size / 4 - 1; // the last entry links to the next DIFAT sector
            var difat = U32(file, 0x44);
            for (var budget = file.Length / size + 1; difat <= MaxRegularSector && budget > 0; budget--)
            {
                var data = Sector(file, size, difat);
                if (data.Length < size) return NoStream;
                if (index < perDifat) return U32(data, (int)index * 4);
                index -= perDifat;
                difat = U32(data, (int)perDifat * 4);
            }
            return NoStream;
        }

        // Sector n starts after the header, which takes one sector; the last one may be cut short.
        private static ReadOnlySpan<byte> Sector(ReadOnlySpan<byte> file, int size, uint sector)
        {
            var start = ((long)sector + 1) * size;
            return start >= file.Length ? [] : file.Slice((int)start, (int)Math.Min(size, file.Length - start));
        }

        private static ushort U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16LittleEndian(data[at..]);

        private static uint U32(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
    }
}
