using DanVan.Refusals;

namespace DanVan.Web.Infrastructure;

/// <summary>Uploaded table files (CSV, XLSX) read into memory asynchronously, then by <see cref="TableFile.Read(Stream, string, TableLimits?)"/>.</summary>
public static class Uploads
{
    /// <summary>The table of an uploaded file; <c>file.missing</c> at <paramref name="field"/> when none was sent.</summary>
    public static async Task<(TableData Table, string FileName)> ReadTableAsync(IFormFile? file, string field, CancellationToken ct = default)
    {
        if (file is null || file.Length == 0) throw new RefusedException("file.missing", Where.AtField(field), ("file", field));
        var name = Path.GetFileName(file.FileName);
        await using var stream = file.OpenReadStream();
        return (await ReadTableAsync(stream, name, ct), name);
    }

    /// <summary>The uploaded table of an API request: the "file" part of a multipart form, or the body itself (XLSX or CSV by its type).</summary>
    public static async Task<(TableData Table, string FileName)> ReadTableAsync(HttpRequest request, CancellationToken ct = default)
    {
        if (request.HasFormContentType) return await ReadTableAsync((await request.ReadFormAsync(ct)).Files.GetFile("file"), "file", ct);
        var fileName = request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true ? "upload.csv" : "upload.xlsx";
        return (await ReadTableAsync(request.Body, fileName, ct), fileName);
    }

    /// <summary>The table of a stream (a request body) named <paramref name="fileName"/>.</summary>
    public static async Task<TableData> ReadTableAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        // Buffered first: the request body must not be read synchronously.
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return TableFile.Read(buffer, fileName);
    }
}
