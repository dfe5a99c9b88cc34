using System.Security.Cryptography;
using DanVan.Data;
using DanVan.Evaluations;
using Microsoft.EntityFrameworkCore;
using DanVan.Refusals;

namespace DanVan.Web.Infrastructure;

/// <summary>Where evidence files are kept (setting <c>Evidence:Store</c>).</summary>
public enum EvidenceStoreKind
{
    /// <summary>In the database, beside their evidence rows (default): one transaction with the row and its audit line,
    /// shared by every web instance, and in every backup.</summary>
    Database = 0,

    /// <summary>In the data folder's <c>evidence</c> sub-folder (a volume every instance mounts, backed up apart).</summary>
    Folder = 1,
}

/// <summary>Evidence files: in the database by default, or on disk under the data folder (outside the web root),
/// under generated names.</summary>
/// <remarks>Nothing is kept in process memory, so any web instance serves any file. A file stored in the folder
/// before the database store was chosen is still found there.</remarks>
public sealed class EvidenceStore(DanVanDbContext db, DataFolder data, IConfiguration config)
{
    /// <summary>The store the settings choose.</summary>
    public EvidenceStoreKind Kind { get; } = Enum.TryParse<EvidenceStoreKind>(config["Evidence:Store"], ignoreCase: true, out var kind) ? kind : EvidenceStoreKind.Database;

    private string Folder => Path.Combine(data.Path, "evidence");

    /// <summary>Reads an upload and checks its size, its type by content and its name (<see cref="EvidenceFiles.Check"/>), storing nothing.</summary>
    /// <returns>The refusal located at the file's name, or null when it would be accepted.</returns>
    /// <remarks>Several files added together are all checked first, so that one refused file leaves none of them stored.</remarks>
    public async Task<Refusal?> CheckAsync(IFormFile file, CancellationToken ct) => (await ReadAsync(file, ct)).Refusal;

    /// <summary>Reads an upload, checks it as <see cref="CheckAsync"/> does, and stores it: in the database with the
    /// evidence row when the caller saves its changes, or at once in the folder.</summary>
    /// <returns>The evidence to add, or the core's refusal (nothing is stored then).</returns>
    public async Task<(Evidence? Evidence, Refusal? Refusal)> SaveAsync(IFormFile file, int assessmentId, string criterionId, string user, DateTime at, CancellationToken ct)
    {
        var (name, bytes, type, refusal) = await ReadAsync(file, ct);
        if (refusal is not null) return (null, refusal);

        var stored = $"{Guid.NewGuid():N}";
        if (Kind == EvidenceStoreKind.Folder)
        {
            Directory.CreateDirectory(Folder);
            await File.WriteAllBytesAsync(Path.Combine(Folder, stored), bytes!, ct);
        }
        return (new Evidence
        {
            AssessmentId = assessmentId,
            CriterionId = criterionId,
            FileName = name,
            StoredName = stored,
            Content = Kind == EvidenceStoreKind.Database ? new EvidenceContent { Bytes = bytes! } : null,
            FileType = type,
            Size = bytes!.Length,
            Sha256 = Convert.ToHexString(SHA256.HashData(bytes)),
            AddedBy = user,
            AddedAt = at,
        }, null);
    }

    /// <summary>Reads an upload, checks it as <see cref="CheckAsync"/> does, and keeps it for a registered document: its
    /// bytes travel with the document when the caller saves (database store), or are written at once to the folder.</summary>
    public async Task<(StoredFile? File, Refusal? Refusal)> SaveDocumentFileAsync(IFormFile file, CancellationToken ct)
    {
        var (name, bytes, type, refusal) = await ReadAsync(file, ct);
        if (refusal is not null) return (null, refusal);
        var stored = $"{Guid.NewGuid():N}";
        if (Kind == EvidenceStoreKind.Folder)
        {
            Directory.CreateDirectory(Folder);
            await File.WriteAllBytesAsync(Path.Combine(Folder, stored), bytes!, ct);
        }
        return (new StoredFile(name, stored, type!.Value, bytes!.Length, Convert.ToHexString(SHA256.HashData(bytes)),
            Kind == EvidenceStoreKind.Database ? bytes : null), null);
    }

    /// <summary>Opens a registered document's file; the caller has checked the user's scope.</summary>
    public async Task<Stream?> OpenAsync(UnitDocument document, CancellationToken ct)
    {
        if (document.StoredName is null) return null;
        var bytes = await db.UnitDocumentContents.AsNoTracking().Where(c => c.UnitDocumentId == document.Id).Select(c => c.Bytes).SingleOrDefaultAsync(ct);
        if (bytes is not null) return new MemoryStream(bytes, writable: false);
        var path = Path.Combine(Folder, Path.GetFileName(document.StoredName));
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>Removes a document's file kept in the folder when its row could not be saved.</summary>
    public void Delete(StoredFile file)
    {
        if (Kind == EvidenceStoreKind.Folder && Directory.Exists(Folder)) File.Delete(Path.Combine(Folder, Path.GetFileName(file.StoredName)));
    }

    /// <summary>Opens a stored file for download; the caller has checked the user's scope.</summary>
    /// <returns>The content, or null when neither the database nor the folder holds it.</returns>
    public async Task<Stream?> OpenAsync(Evidence evidence, CancellationToken ct)
    {
        if (evidence.StoredName is null) return null;
        var bytes = await db.EvidenceContents.AsNoTracking().Where(c => c.EvidenceId == evidence.Id).Select(c => c.Bytes).SingleOrDefaultAsync(ct);
        if (bytes is not null) return new MemoryStream(bytes, writable: false);
        var path = Path.Combine(Folder, Path.GetFileName(evidence.StoredName));
        return File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>Removes a file kept in the folder, once its row is deleted (a file in the database went with its row),
    /// or when the row could not be saved.</summary>
    public void Delete(Evidence evidence)
    {
        if (evidence.StoredName is { } name && Directory.Exists(Folder)) File.Delete(Path.Combine(Folder, Path.GetFileName(name)));
    }

    private static async Task<(string Name, byte[]? Bytes, EvidenceFileType? Type, Refusal? Refusal)> ReadAsync(IFormFile file, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName).Normalize();
        // The size is known before reading: an oversized upload is not copied into memory.
        if (EvidenceFiles.SizeRefusal(name, file.Length) is { } size) return (name, null, null, size);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var (type, refusal) = EvidenceFiles.Check(name, bytes);
        return (name, bytes, type, refusal);
    }
}
