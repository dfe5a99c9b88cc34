using System.Security.Cryptography;
using DanVan.Evaluations;
using DanVan.Refusals;

namespace DanVan.Web.Infrastructure;

/// <summary>Evidence files on disk under the data folder (outside the web root), under generated names.</summary>
/// <remarks>Several web instances share this folder (a mounted volume); nothing is kept in process memory.</remarks>
public sealed class EvidenceStore(DataFolder data)
{
    private string Folder => Path.Combine(data.Path, "evidence");

    /// <summary>Reads an upload and checks its size, its type by content and its name (<see cref="EvidenceFiles.Check"/>), storing nothing.</summary>
    /// <returns>The refusal located at the file's name, or null when it would be accepted.</returns>
    /// <remarks>Several files added together are all checked first, so that one refused file leaves none of them stored.</remarks>
    public async Task<Refusal?> CheckAsync(IFormFile file, CancellationToken ct) => (await ReadAsync(file, ct)).Refusal;

    /// <summary>Reads an upload, checks it as <see cref="CheckAsync"/> does, and stores it.</summary>
    /// <returns>The evidence to add, or the core's refusal (nothing is stored then).</returns>
    public async Task<(Evidence? Evidence, Refusal? Refusal)> SaveAsync(IFormFile file, int assessmentId, string criterionId, string user, DateTime at, CancellationToken ct)
    {
        var (name, bytes, type, refusal) = await ReadAsync(file, ct);
        if (refusal is not null) return (null, refusal);

        Directory.CreateDirectory(Folder);
        var stored = $"{Guid.NewGuid():N}";
        await File.WriteAllBytesAsync(Path.Combine(Folder, stored), bytes!, ct);
        return (new Evidence
        {
            AssessmentId = assessmentId,
            CriterionId = criterionId,
            FileName = name,
            StoredName = stored,
            FileType = type,
            Size = bytes!.Length,
            Sha256 = Convert.ToHexString(SHA256.HashData(bytes)),
            AddedBy = user,
            AddedAt = at,
        }, null);
    }

    /// <summary>Opens a stored file for download; the caller has checked the user's scope.</summary>
    public Stream Open(Evidence evidence) =>
        File.OpenRead(Path.Combine(Folder, Path.GetFileName(evidence.StoredName ?? throw new InvalidOperationException("not a file"))));

    /// <summary>Removes a stored file (after its row is deleted).</summary>
    public void Delete(Evidence evidence)
    {
        if (evidence.StoredName is { } name) File.Delete(Path.Combine(Folder, Path.GetFileName(name)));
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
