using System.Buffers.Binary;
using System.Text;

namespace DanVan.TestSupport;

/// <summary>
/// Small OLE2 compound files (MS-CFB version 3, 512-byte sectors), laid out as Word and Excel 97–2003 write them:
/// a header, one FAT sector, the directory; the streams are empty, since only their names tell a .doc from an .xls.
/// </summary>
public static class CompoundFiles
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FatSector = 0xFFFFFFFD;
    private const uint Free = 0xFFFFFFFF;
    private const uint NoStream = 0xFFFFFFFF;

    /// <summary>A Word 97–2003 document (.doc).</summary>
    public static byte[] Doc => Build(["WordDocument", "1Table", "\u0005SummaryInformation"]);

    /// <summary>An Excel 97–2003 workbook (.xls).</summary>
    public static byte[] Xls => Build(["Workbook", "\u0005SummaryInformation"]);

    /// <summary>
    /// A compound file whose root holds the streams <paramref name="top"/>, and, when <paramref name="storage"/> is
    /// given, a storage of that name holding <paramref name="nested"/> (an embedded object).
    /// </summary>
    public static byte[] Build(IReadOnlyList<string> top, string? storage = null, IReadOnlyList<string>? nested = null)
    {
        // Directory entries: the root, the top streams chained as right siblings, then the storage and its streams.
        var entries = new List<(string Name, byte Type, uint Right, uint Child)> { ("Root Entry", 5, NoStream, top.Count > 0 || storage is not null ? 1u : NoStream) };
        for (var i = 0; i < top.Count; i++)
            entries.Add((top[i], 2, i < top.Count - 1 ? (uint)(i + 2) : storage is null ? NoStream : (uint)(top.Count + 1), NoStream));
        if (storage is not null)
        {
            var inner = nested ?? [];
            entries.Add((storage, 1, NoStream, inner.Count > 0 ? (uint)(entries.Count + 1) : NoStream));
            var first = entries.Count;
            for (var i = 0; i < inner.Count; i++)
                entries.Add((inner[i], 2, i < inner.Count - 1 ? (uint)(first + i + 1) : NoStream, NoStream));
        }

        const int size = 512;
        var directorySectors = (entries.Count + 3) / 4;
        var file = new byte[size * (2 + directorySectors)];
        var header = file.AsSpan(0, size);
        ((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3); // major version
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE); // byte order
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9); // 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6); // 64-byte mini sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1); // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1); // the directory starts at sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x38..], 4096); // mini stream cutoff
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x3C..], EndOfChain); // no mini FAT
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x44..], EndOfChain); // no DIFAT sectors
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x4C..], 0); // the FAT is sector 0
        for (var i = 1; i < 109; i++) BinaryPrimitives.WriteUInt32LittleEndian(header[(0x4C + i * 4)..], Free);

        // Sector 0: the FAT. Sector 0 is the FAT itself, sectors 1.. the directory chain.
        var fat = file.AsSpan(size, size);
        for (var i = 0; i < size / 4; i++) BinaryPrimitives.WriteUInt32LittleEndian(fat[(i * 4)..], Free);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, FatSector);
        for (var d = 1; d <= directorySectors; d++)
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(d * 4)..], d < directorySectors ? (uint)(d + 1) : EndOfChain);

        var directory = file.AsSpan(2 * size, directorySectors * size);
        for (var i = 0; i < directorySectors * 4; i++)
        {
            var entry = directory.Slice(i * 128, 128);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x44..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], NoStream);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], NoStream);
            if (i >= entries.Count) continue;
            var (name, type, right, child) = entries[i];
            var written = Encoding.Unicode.GetBytes(name, entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(written + 2)); // with the closing NUL
            entry[0x42] = type;
            entry[0x43] = 1; // black
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x48..], right);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x4C..], child);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[0x74..], type == 2 ? EndOfChain : 0); // empty stream
        }
        return file;
    }
}
