using System.Security.Cryptography;
using DanVan.Evaluations;
using DanVan.Web.Resources;

namespace DanVan.Web.Infrastructure;

/// <summary>Evidence files on disk under the data folder (outside the web root), under generated names.</summary>
/// <remarks>Several web instances share this folder (a mounted volume); nothing is kept in process memory.</remarks>
public sealed class EvidenceStore(DataFolder data)
{
    private string Folder => Path.Combine(data.Path, "evidence");

    /// <summary>Reads an upload, checks its size and type by content, and stores it.</summary>
    /// <returns>The evidence to add, or the Vietnamese reason it is refused (nothing is stored then).</returns>
    public async Task<(Evidence? Evidence, string? Error)> SaveAsync(IFormFile file, int assessmentId, string criterionId, string user, DateTime at, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName);
        if (file.Length == 0) return (null, string.Format(Vi.Culture, UiText.EvidenceEmpty, name));
        if (file.Length > EvidenceFiles.MaxBytes) return (null, string.Format(Vi.Culture, UiText.EvidenceTooLarge, name));
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = EvidenceFiles.Detect(bytes);
        if (type is null) return (null, string.Format(Vi.Culture, UiText.EvidenceWrongType, name));

        Directory.CreateDirectory(Folder);
        var stored = $"{Guid.NewGuid():N}";
        await File.WriteAllBytesAsync(Path.Combine(Folder, stored), bytes, ct);
        return (new Evidence
        {
            AssessmentId = assessmentId,
            CriterionId = criterionId,
            FileName = name.Normalize(),
            StoredName = stored,
            FileType = type,
            Size = bytes.Length,
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
}
