using System.Net;
using DanVan.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Tests.Evaluations;

/// <summary>With <c>Evidence:Store=folder</c> the files live in the data folder (a volume the instances share), not in
/// the database; downloads and removal work the same.</summary>
public sealed class EvidenceFolderStoreTests : IDisposable
{
    private readonly WebAppFactory _app = new(DatabaseProvider.Sqlite);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Should_keep_files_in_the_data_folder_serve_them_and_remove_them_with_their_row()
    {
        _app.ExtraSettings["Evidence:Store"] = "folder";
        var w = await TestWorld.SeedAsync(_app);
        var userA = await TestClient.LoginAsync(_app, "userA");
        var page = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}");
        var added = await userA.SubmitAsync(page, "#evidence-form", new() { ["Data.CriterionId"] = "1" }, files: [("Data.Files", "ke-hoach.pdf", Samples.Pdf)]);
        added.Text("#notice").ShouldBe("Đã thêm tài liệu kiểm chứng cho tiêu chí 1.");

        var folder = Path.Combine(_app.DataFolder, "evidence");
        DanVan.Evaluations.Evidence evidence;
        await using (var db = _app.NewDbContext())
        {
            evidence = await db.Evidence.SingleAsync();
            (await db.EvidenceContents.CountAsync()).ShouldBe(0, "nothing of the file is in the database");
        }
        (await File.ReadAllBytesAsync(Path.Combine(folder, evidence.StoredName!))).ShouldBe(Samples.Pdf);

        var download = await userA.Http.GetAsync($"/Evaluations/Download/{evidence.Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Samples.Pdf);

        var ask = await userA.GetAsync($"/Evaluations/Evidence/{w.AssessmentA}?remove={evidence.Id}");
        (await userA.SubmitAsync(ask, "#remove-form")).Text("#notice").ShouldBe("Đã xóa tài liệu kiểm chứng.");
        Directory.GetFiles(folder).ShouldBeEmpty();
    }
}
