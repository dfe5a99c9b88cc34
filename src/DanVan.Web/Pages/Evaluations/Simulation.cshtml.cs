using System.Text;
using DanVan.Criteria;
using DanVan.Data;
using DanVan.Evaluations;
using DanVan.Evaluations.Simulation;
using DanVan.Refusals;
using DanVan.Reports;
using DanVan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Pages.Evaluations;

/// <summary>
/// Criteria-change simulation: a period's entries re-scored under a draft criteria set (an uploaded file or a stored set
/// the period does not use), mapped by id or by a mapping table; the classes before and after, the units that change
/// class and why, exported as XLSX. A read: nothing is stored, so no audit line.
/// </summary>
/// <remarks>The draft and the mapping travel in the result's export form, so nothing is kept on the server between requests.</remarks>
[Scoped(ScopeTarget.Period, EvaluationPermissions.Simulate)]
public sealed class Simulation(DanVanDbContext db) : PageModel
{
    private const long MaxBytes = 2 * 1024 * 1024;

    /// <summary>The form.</summary>
    [BindProperty]
    public Input Data { get; set; } = new();

    /// <summary>The period.</summary>
    public EvaluationPeriod Period { get; private set; } = null!;

    /// <summary>The stored sets the period does not use.</summary>
    public IReadOnlyList<StoredCriteriaSet> StoredDrafts { get; private set; } = [];

    /// <summary>The refusals of the draft file (at a JSON path) or the mapping (at a row and column).</summary>
    public IReadOnlyList<Refusal> Errors { get; private set; } = [];

    /// <summary>The result, after a run.</summary>
    public SimulationResult? Result { get; private set; }

    /// <summary>The form's fields.</summary>
    public sealed class Input
    {
        /// <summary>A stored set to use as the draft.</summary>
        public int? StoredId { get; set; }

        /// <summary>An uploaded draft criteria file (JSON).</summary>
        public IFormFile? DraftFile { get; set; }

        /// <summary>The draft's JSON, carried to the export.</summary>
        public string? DraftJson { get; set; }

        /// <summary>The draft file's name, for located problems.</summary>
        public string? DraftFileName { get; set; }

        /// <summary>An uploaded mapping table (CSV or XLSX: columns old, new).</summary>
        public IFormFile? MapFile { get; set; }

        /// <summary>The mapping typed, one "old -> new" per line.</summary>
        public string? MapText { get; set; }
    }

    /// <summary>Shows the form.</summary>
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Runs the simulation and shows it.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Result = await RunAsync(ct);
        return Page();
    }

    /// <summary>Runs the simulation and sends it as XLSX.</summary>
    public async Task<IActionResult> OnPostXlsxAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await RunAsync(ct);
        if (result is null) return Page();
        return File(XlsxWriter.ToBytes(SimulationWorkbook.Tables(result)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"mo-phong-tieu-chi-{Period.Year}-{Period.Id}.xlsx");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var period = await db.Periods.AsNoTracking().Include(p => p.ScopeUnit).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (period is null) return false;
        Period = period;
        StoredDrafts = await CriteriaSimulation.StoredDraftsAsync(db, id, ct);
        return true;
    }

    private async Task<SimulationResult?> RunAsync(CancellationToken ct)
    {
        try
        {
            var draft = await DraftAsync(ct);
            if (draft is null) return null;
            var (mapping, mapFile) = await MappingAsync(ct);
            ModelState.Clear();
            return await CriteriaSimulation.RunAsync(db, new SimulationRequest(Period.Id, draft) { Mapping = mapping, MappingFile = mapFile }, ct);
        }
        catch (RefusedException ex)
        {
            Errors = TableLimits.Default.Cap(ex.Refusals, null);
            return null;
        }
    }

    private async Task<CriteriaSet?> DraftAsync(CancellationToken ct)
    {
        if (Data.DraftFile is { Length: > 0 } file)
        {
            if (file.Length > MaxBytes) throw new RefusedException("file.tooLarge", new Where { File = file.FileName },
                ("size", Math.Round(file.Length / 1048576m, 1)), ("max", MaxBytes / 1048576));
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            Data.DraftJson = await reader.ReadToEndAsync(ct);
            Data.DraftFileName = Path.GetFileName(file.FileName);
        }
        if (!string.IsNullOrWhiteSpace(Data.DraftJson))
        {
            var read = CriteriaSetFile.Parse(Data.DraftJson, Data.DraftFileName ?? "criteria.json");
            if (!read.IsValid)
            {
                Errors = TableLimits.Default.Cap(read.Refusals, Data.DraftFileName);
                return null;
            }
            Data.StoredId = null;
            return read.Set;
        }
        if (Data.StoredId is { } storedId) return await CriteriaSimulation.StoredDraftAsync(db, Period.Id, storedId, ct);
        throw new RefusedException("simulation.draftRequired", Where.AtField("draft"));
    }

    private async Task<(IReadOnlyList<CriterionLink>? Links, string? FileName)> MappingAsync(CancellationToken ct)
    {
        if (Data.MapFile is { Length: > 0 } file)
        {
            var (table, name) = await Uploads.ReadTableAsync(file, "mapFile", ct);
            var links = CriteriaMapping.FromTable(table, name);
            // Carried to the export as typed lines.
            Data.MapText = string.Join('\n', links.Select(l => $"{l.OldId} -> {l.NewId}"));
            return (links, name);
        }
        return (string.IsNullOrWhiteSpace(Data.MapText) ? null : CriteriaMapping.FromText(Data.MapText), null);
    }
}
