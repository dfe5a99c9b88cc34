using DanVan.Accounts;
using DanVan.Accounts.Permissions;
using DanVan.Data;
using DanVan.OrgUnits;
using DanVan.Periods;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Web.Api.Evaluations;
using DanVan.Web.Api.Statistics;
using DanVan.Web.Infrastructure;
using DanVan.Web.Registries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Web.Api.Registries;

/// <summary>The citizen registries' API: receptions, petitions, dialogues, cases, decisions on duplicates, figures, settings.</summary>
public static class RegistriesApi
{
    /// <summary>Maps /api/v1/receptions, /petitions, /dialogues, /cases and /registries.</summary>
    public static RouteGroupBuilder MapCitizenRegistriesApi(this RouteGroupBuilder api)
    {
        var receptions = api.MapGroup("/receptions").WithTags("Citizen registries");
        receptions.MapGet("", ListReceptions).WithName("ListReceptions").Requires(RegistryPermissions.Read)
            .WithSummary("The reception log in the caller's scope (citizens masked), filtered by unit (and below), dates and kind");
        receptions.MapGet("/{id:int}", GetReception).WithName("GetReception").Requires(RegistryPermissions.Read)
            .WithSummary("One reception; citizens in full only with the personal-data permission, and that read is logged");
        receptions.MapPost("", PostReception).WithName("RecordReception").Requires(RegistryPermissions.Record)
            .WithSummary("Record a reception; refusals are located by field (visitors[2].idNumber) and never echo personal data");
        receptions.MapPut("/{id:int}", PutReception).WithName("UpdateReception").Requires(RegistryPermissions.Record)
            .WithSummary("Replace a reception's fields; needs If-Match (or version)");

        var petitions = api.MapGroup("/petitions").WithTags("Citizen registries");
        petitions.MapGet("", ListPetitions).WithName("ListPetitions").Requires(RegistryPermissions.Read)
            .WithSummary("Petitions in the caller's scope (citizens masked); overdue=true lists those past their time limit");
        petitions.MapGet("/{id:int}", GetPetition).WithName("GetPetition").Requires(RegistryPermissions.Read)
            .WithSummary("One petition; citizens in full only with the personal-data permission, and that read is logged");
        petitions.MapPost("", PostPetition).WithName("RecordPetition").Requires(RegistryPermissions.Record)
            .WithSummary("Record a petition; an accepted one gets its due date from the time-limit table");
        petitions.MapPut("/{id:int}", PutPetition).WithName("UpdatePetition").Requires(RegistryPermissions.Record)
            .WithSummary("Replace a petition's fields (handling, resolution); needs If-Match (or version)");

        var dialogues = api.MapGroup("/dialogues").WithTags("Citizen registries");
        dialogues.MapGet("/{id:int}", GetDialogue).WithName("GetDialogue").Requires(RegistryPermissions.Read).WithSummary("One dialogue with its follow-up items");
        dialogues.MapPost("", PostDialogue).WithName("RecordDialogue").Requires(RegistryPermissions.Record).WithSummary("Record a dialogue with the people");
        dialogues.MapPut("/{id:int}", PutDialogue).WithName("UpdateDialogue").Requires(RegistryPermissions.Record)
            .WithSummary("Replace a dialogue's fields and follow-ups; needs If-Match (or version)");

        var cases = api.MapGroup("/cases").WithTags("Citizen registries");
        cases.MapGet("/{id:int}", GetCase).WithName("GetCase").Requires(RegistryPermissions.Read).WithSummary("A case (vụ việc) with the keys of its records");
        cases.MapPut("/{id:int}", PutCase).WithName("UpdateCase").Requires(RegistryPermissions.Merge).WithSummary("Set a case's status, result and resolution date");

        var registries = api.MapGroup("/registries").WithTags("Citizen registries");
        registries.MapPost("/merge", Merge).WithName("MergeRecords").Requires(RegistryPermissions.Merge)
            .WithSummary("Merge two records into one case (registry clerk covering both); audited, undoable");
        registries.MapPost("/reject", Reject).WithName("RejectDuplicate").Requires(RegistryPermissions.Merge)
            .WithSummary("Mark two records as not the same matter; the pair is not suggested again");
        registries.MapPost("/decisions/{id:int}/undo", Undo).WithName("UndoDecision").Requires(RegistryPermissions.Merge)
            .WithSummary("Undo a merge (records go back to their cases) or a 'not the same'");
        registries.MapGet("/figures", Figures).WithName("RegistryFigures").Requires(RegistryPermissions.Read)
            .WithSummary("Figures of a unit (and below) for a date range, the same range a year before, and the report's paragraph");
        registries.MapPost("/import", Import).WithName("ImportRegistry").Accepts<IFormFile>("multipart/form-data", FormFilesApi.Xlsx, "text/csv")
            .Requires(RegistryPermissions.Record)
            .WithSummary("Import a logbook (?book=receptions|petitions) as XLSX or CSV, one row per record: all or nothing, each problem at its row and column")
            .DisableAntiforgery();
        registries.MapGet("/export", Export).WithName("ExportRegistry").Produces<Stream>(StatusCodes.Status200OK, FormFilesApi.Xlsx, "text/csv")
            .Requires(RegistryPermissions.Read)
            .WithSummary("Export a logbook (?book=receptions|petitions) of a unit and below as XLSX or CSV (?format=csv), in the import layout; citizens masked unless you may read them (then the read is logged)");
        registries.MapPut("/settings/{unitId:int}", PutSettings).WithName("SetRegistrySettings").Requires(RegistryPermissions.Manage)
            .WithSummary("Set a province's delegation threshold and retention from a day");
        return api;
    }

    /// <summary>GET /api/v1/receptions.</summary>
    public static async Task<Results<Ok<PagedList<ReceptionView>>, RefusedProblem>> ListReceptions(
        [AsParameters] PageRequest page, int? unitId, DateOnly? from, DateOnly? to, string? kind,
        DanVanDbContext db, CurrentUser me, PersonalDataProtector protector, CancellationToken ct)
    {
        if (page.Problems() is { Count: > 0 } p) return ApiProblems.Refused(p);
        var scope = await me.GetAsync(ct);
        var q = RegistriesAccess.Receptions(db, scope).AsNoTracking().Include(r => r.Unit).Include(r => r.Citizens).AsQueryable();
        if (await UnitPathAsync(db, unitId, ct) is { } path) q = q.Where(r => r.Unit!.Path.StartsWith(path));
        if (from is { } f) q = q.Where(r => r.ReceivedOn >= f);
        if (to is { } t) q = q.Where(r => r.ReceivedOn <= t);
        if (!string.IsNullOrWhiteSpace(kind))
        {
            try { var k = RegistryTerms.Parse<ReceptionKind>(kind, Where.AtField("kind"), "kind"); q = q.Where(r => r.Kind == k); }
            catch (RefusedException e) { return ApiProblems.Refused(e.Refusals); }
        }
        var list = await page.ReadAsync(q.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id), ct);
        return TypedResults.Ok(new PagedList<ReceptionView>(list.PageIndex, list.PageSize, list.Count,
            list.Items.Select(r => View(r, Masked(r, protector))).ToList()));
    }

    /// <summary>GET /api/v1/receptions/{id}.</summary>
    public static async Task<Results<Ok<ReceptionView>, NotFoundProblem>> GetReception(
        int id, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await RegistriesAccess.FindReceptionAsync(db, scope, id, ct) is not { } r) return Missing("reception", id);
        http.Response.Headers.ETag = AssessmentVersion.ETag(r.Version);
        return TypedResults.Ok(View(r, await RegistriesAccess.CitizensAsync(db, permissions, scope, protector, r, clock.UtcNow, "api", ct)));
    }

    /// <summary>POST /api/v1/receptions.</summary>
    public static async Task<Results<Created<ReceptionView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> PostReception(
        ReceptionBody body, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == body.UnitId, ct);
        if (Deny(permissions, scope, RegistryPermissions.Record, unit, "unit", body.UnitId) is { } denied) return denied.AsCreate<ReceptionView>();
        try
        {
            var r = await ReceptionLog.RecordAsync(db, unit!, body, Actor(scope, clock, protector), ct);
            return TypedResults.Created($"/api/v1/receptions/{r.Id}", View(r, await RegistriesAccess.CitizensAsync(db, permissions, scope, protector, r, clock.UtcNow, "api", ct)));
        }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
    }

    /// <summary>PUT /api/v1/receptions/{id}.</summary>
    public static async Task<Results<Ok<ReceptionView>, NotFoundProblem, ForbiddenProblem, RefusedProblem, PreconditionRequiredProblem>> PutReception(
        int id, ReceptionBody body, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var r = await RegistriesAccess.FindReceptionAsync(db, scope, id, ct);
        if (Deny(permissions, scope, RegistryPermissions.Record, r?.Unit, "reception", id) is { } denied) return denied.AsChange<ReceptionView>();
        var (version, problem) = AssessmentVersion.Read(http.Request, body.Version);
        if (problem is not null) return ApiProblems.Refused([problem]);
        if (version is null) return new PreconditionRequiredProblem(VersionRequired);
        try { await ReceptionLog.UpdateAsync(db, r!, body, Actor(scope, clock, protector), version, ct); }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
        http.Response.Headers.ETag = AssessmentVersion.ETag(r!.Version);
        return TypedResults.Ok(View(r, await RegistriesAccess.CitizensAsync(db, permissions, scope, protector, r, clock.UtcNow, "api", ct)));
    }

    /// <summary>GET /api/v1/petitions.</summary>
    public static async Task<Results<Ok<PagedList<PetitionView>>, RefusedProblem>> ListPetitions(
        [AsParameters] PageRequest page, int? unitId, DateOnly? from, DateOnly? to, bool? overdue,
        DanVanDbContext db, CurrentUser me, PersonalDataProtector protector, ProvinceClock clock, CancellationToken ct)
    {
        if (page.Problems() is { Count: > 0 } p) return ApiProblems.Refused(p);
        var scope = await me.GetAsync(ct);
        var today = clock.Today;
        var q = RegistriesAccess.Petitions(db, scope).AsNoTracking().Include(r => r.Unit).Include(r => r.Citizens).AsQueryable();
        if (await UnitPathAsync(db, unitId, ct) is { } path) q = q.Where(r => r.Unit!.Path.StartsWith(path));
        if (from is { } f) q = q.Where(r => r.ReceivedOn >= f);
        if (to is { } t) q = q.Where(r => r.ReceivedOn <= t);
        if (overdue == true) q = q.Where(r => r.Handling == PetitionHandling.Accepted && r.ResolvedOn == null && r.DueOn < today);
        var list = await page.ReadAsync(q.OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id), ct);
        return TypedResults.Ok(new PagedList<PetitionView>(list.PageIndex, list.PageSize, list.Count,
            list.Items.Select(r => View(r, Masked(r, protector), today)).ToList()));
    }

    /// <summary>GET /api/v1/petitions/{id}.</summary>
    public static async Task<Results<Ok<PetitionView>, NotFoundProblem>> GetPetition(
        int id, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await RegistriesAccess.FindPetitionAsync(db, scope, id, ct) is not { } r) return Missing("petition", id);
        http.Response.Headers.ETag = AssessmentVersion.ETag(r.Version);
        return TypedResults.Ok(View(r, await RegistriesAccess.CitizensAsync(db, permissions, scope, protector, r, clock.UtcNow, "api", ct), clock.Today));
    }

    /// <summary>POST /api/v1/petitions.</summary>
    public static async Task<Results<Created<PetitionView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> PostPetition(
        PetitionBody body, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector, TimeLimitTable limits, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == body.UnitId, ct);
        if (Deny(permissions, scope, RegistryPermissions.Record, unit, "unit", body.UnitId) is { } denied) return denied.AsCreate<PetitionView>();
        try
        {
            var r = await PetitionLog.RecordAsync(db, unit!, body, Actor(scope, clock, protector), limits, ct);
            return TypedResults.Created($"/api/v1/petitions/{r.Id}", View(r, await RegistriesAccess.CitizensAsync(db, permissions, scope, protector, r, clock.UtcNow, "api", ct), clock.Today));
        }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
    }

    /// <summary>PUT /api/v1/petitions/{id}.</summary>
    public static async Task<Results<Ok<PetitionView>, NotFoundProblem, ForbiddenProblem, RefusedProblem, PreconditionRequiredProblem>> PutPetition(
        int id, PetitionBody body, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector, TimeLimitTable limits,
        ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var r = await RegistriesAccess.FindPetitionAsync(db, scope, id, ct);
        if (Deny(permissions, scope, RegistryPermissions.Record, r?.Unit, "petition", id) is { } denied) return denied.AsChange<PetitionView>();
        var (version, problem) = AssessmentVersion.Read(http.Request, body.Version);
        if (problem is not null) return ApiProblems.Refused([problem]);
        if (version is null) return new PreconditionRequiredProblem(VersionRequired);
        try { await PetitionLog.UpdateAsync(db, r!, body, Actor(scope, clock, protector), limits, version, ct); }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
        http.Response.Headers.ETag = AssessmentVersion.ETag(r!.Version);
        return TypedResults.Ok(View(r, await RegistriesAccess.CitizensAsync(db, permissions, scope, protector, r, clock.UtcNow, "api", ct), clock.Today));
    }

    /// <summary>GET /api/v1/dialogues/{id}.</summary>
    public static async Task<Results<Ok<DialogueView>, NotFoundProblem>> GetDialogue(int id, HttpContext http, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await RegistriesAccess.FindDialogueAsync(db, scope, id, ct) is not { } d) return Missing("dialogue", id);
        http.Response.Headers.ETag = AssessmentVersion.ETag(d.Version);
        return TypedResults.Ok(View(d));
    }

    /// <summary>POST /api/v1/dialogues.</summary>
    public static async Task<Results<Created<DialogueView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> PostDialogue(
        DialogueBody body, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == body.UnitId, ct);
        if (Deny(permissions, scope, RegistryPermissions.Record, unit, "unit", body.UnitId) is { } denied) return denied.AsCreate<DialogueView>();
        try
        {
            var d = await Dialogues.RecordAsync(db, unit!, body, Actor(scope, clock, protector), ct);
            return TypedResults.Created($"/api/v1/dialogues/{d.Id}", View(d));
        }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
    }

    /// <summary>PUT /api/v1/dialogues/{id}.</summary>
    public static async Task<Results<Ok<DialogueView>, NotFoundProblem, ForbiddenProblem, RefusedProblem, PreconditionRequiredProblem>> PutDialogue(
        int id, DialogueBody body, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var d = await RegistriesAccess.FindDialogueAsync(db, scope, id, ct);
        if (Deny(permissions, scope, RegistryPermissions.Record, d?.Unit, "dialogue", id) is { } denied) return denied.AsChange<DialogueView>();
        var (version, problem) = AssessmentVersion.Read(http.Request, body.Version);
        if (problem is not null) return ApiProblems.Refused([problem]);
        if (version is null) return new PreconditionRequiredProblem(VersionRequired);
        try { await Dialogues.UpdateAsync(db, d!, body, Actor(scope, clock, protector), version, ct); }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
        http.Response.Headers.ETag = AssessmentVersion.ETag(d!.Version);
        return TypedResults.Ok(View(d));
    }

    /// <summary>GET /api/v1/cases/{id}.</summary>
    public static async Task<Results<Ok<CaseView>, NotFoundProblem>> GetCase(int id, HttpContext http, DanVanDbContext db, CurrentUser me, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        if (await RegistriesAccess.FindCaseAsync(db, scope, id, ct) is not { } c) return Missing("case", id);
        http.Response.Headers.ETag = AssessmentVersion.ETag(c.Version);
        return TypedResults.Ok(await ViewAsync(db, c, ct));
    }

    /// <summary>PUT /api/v1/cases/{id}.</summary>
    public static async Task<Results<Ok<CaseView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> PutCase(
        int id, CaseBody body, HttpContext http, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var c = await RegistriesAccess.FindCaseAsync(db, scope, id, ct);
        if (Deny(permissions, scope, RegistryPermissions.Merge, c?.Unit, "case", id) is { } denied) return denied.AsCase();
        var (version, problem) = AssessmentVersion.Read(http.Request, body.Version);
        if (problem is not null) return ApiProblems.Refused([problem]);
        try { await DanVan.Registries.Cases.UpdateAsync(db, c!, body.Title, body.Status, body.Result, body.ResolvedOn, version, Actor(scope, clock, protector), ct); }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
        http.Response.Headers.ETag = AssessmentVersion.ETag(c!.Version);
        return TypedResults.Ok(await ViewAsync(db, c, ct));
    }

    /// <summary>POST /api/v1/registries/merge.</summary>
    public static Task<Results<Ok<DecisionView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> Merge(
        PairBody body, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        DecideAsync(body, db, me, permissions, (a, b, user) => DanVan.Registries.Cases.MergeAsync(db, a, b, body.Probability, user, clock.UtcNow, ct), ct);

    /// <summary>POST /api/v1/registries/reject.</summary>
    public static Task<Results<Ok<DecisionView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> Reject(
        PairBody body, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct) =>
        DecideAsync(body, db, me, permissions, (a, b, user) => DanVan.Registries.Cases.RejectAsync(db, a, b, body.Probability, user, clock.UtcNow, ct), ct);

    /// <summary>POST /api/v1/registries/decisions/{id}/undo.</summary>
    public static async Task<Results<Ok<DecisionView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> Undo(
        int id, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var d = await db.DuplicateDecisions.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Missing("decision", id);
        // Undoing needs the same right as deciding: over both records.
        foreach (var key in new[] { d.LeftKey, d.RightKey })
        {
            var record = await RegistriesAccess.FindRecordAsync(db, scope, key, ct);
            if (Deny(permissions, scope, RegistryPermissions.Merge, record?.Unit, "decision", id) is { } denied) return denied.AsDecision();
        }
        try { await DanVan.Registries.Cases.UndoAsync(db, d, scope.UserName, clock.UtcNow, ct); }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
        return TypedResults.Ok(View(d));
    }

    /// <summary>GET /api/v1/registries/figures.</summary>
    public static async Task<Results<Ok<RegistryFiguresView>, NotFoundProblem, RefusedProblem>> Figures(
        int unitId, DateOnly from, DateOnly to, DanVanDbContext db, CurrentUser me, Permissions permissions, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || !permissions.May(scope, RegistryPermissions.Read, Target.Unit(unit))) return Missing("unit", unitId);
        if (to < from) return ApiProblems.Invalid("registries.beforeReceived", Where.AtField("to"), ("date", to), ("received", from));
        var view = await RegistryFiguresReport.BuildAsync(db, unit, from, to, ct);
        return TypedResults.Ok(new RegistryFiguresView(UnitRef.From(unit), from, to, Json(view.Figures), Json(view.YearBefore), string.Join("\n", view.Paragraph)));
    }

    /// <summary>POST /api/v1/registries/import.</summary>
    public static async Task<Results<Ok<RegistryImportView>, RefusedProblem>> Import(
        string? book, HttpRequest request, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector, TimeLimitTable limits,
        ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        try
        {
            var which = Book(book);
            var (table, fileName) = await Uploads.ReadTableAsync(request, ct);
            var count = await RegistryWorkbook.ImportAsync(db, which, table, fileName, u => permissions.May(scope, RegistryPermissions.Record, Target.Unit(u)),
                Actor(scope, clock, protector), limits, ct);
            return TypedResults.Ok(new RegistryImportView(fileName, count));
        }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
    }

    /// <summary>GET /api/v1/registries/export.</summary>
    public static async Task<Results<FileContentHttpResult, NotFoundProblem, RefusedProblem>> Export(
        string? book, int unitId, DateOnly? from, DateOnly? to, string? format, DanVanDbContext db, CurrentUser me, Permissions permissions, PersonalDataProtector protector,
        ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        RegistryBook which;
        try { which = Book(book); }
        catch (RefusedException e) { return ApiProblems.Refused(e.Refusals); }
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || !permissions.May(scope, RegistryPermissions.Read, Target.Unit(unit))) return Missing("unit", unitId);
        var (bytes, type, name) = await RegistryFiles.ExportAsync(db, permissions, scope, protector, which, unit, from, to, format, clock.UtcNow, "export", ct);
        return TypedResults.File(bytes, type, name);
    }

    private static RegistryBook Book(string? book) => RegistryTerms.Parse<RegistryBook>(book ?? "receptions", Where.AtField("book"), "book");

    /// <summary>PUT /api/v1/registries/settings/{unitId}.</summary>
    public static async Task<Results<Ok<RegistrySettingsBody>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> PutSettings(
        int unitId, RegistrySettingsBody body, DanVanDbContext db, CurrentUser me, Permissions permissions, ProvinceClock clock, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (Deny(permissions, scope, RegistryPermissions.Manage, unit, "unit", unitId) is { } denied) return denied.AsSettings();
        try { await RegistrySettings.SetAsync(db, unit!, body.From, body.DelegationThreshold, body.RetentionYears, scope.UserName, clock.UtcNow, ct); }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
        return TypedResults.Ok(body);
    }

    private const string VersionRequired = "Send the record's version as an If-Match header (the ETag of its GET) or as the 'version' field.";

    private static async Task<Results<Ok<DecisionView>, NotFoundProblem, ForbiddenProblem, RefusedProblem>> DecideAsync(
        PairBody body, DanVanDbContext db, CurrentUser me, Permissions permissions, Func<CitizenRecord, CitizenRecord, string, Task<DuplicateDecision>> decide, CancellationToken ct)
    {
        var scope = await me.GetAsync(ct);
        var records = new List<CitizenRecord>();
        foreach (var key in new[] { body.Left ?? "", body.Right ?? "" })
        {
            var record = await RegistriesAccess.FindRecordAsync(db, scope, key, ct);
            if (Deny(permissions, scope, RegistryPermissions.Merge, record?.Unit, "record", key) is { } denied) return denied.AsDecision();
            records.Add(record!);
        }
        try { return TypedResults.Ok(View(await decide(records[0], records[1], scope.UserName))); }
        catch (RefusedException e) { return ApiProblems.RefusedByCode(e.Refusals); }
    }

    private static RegistryActor Actor(UserScope scope, ProvinceClock clock, PersonalDataProtector protector) => new(scope.UserName, clock.UtcNow, clock.Zone, protector);

    private static async Task<string?> UnitPathAsync(DanVanDbContext db, int? unitId, CancellationToken ct) =>
        unitId is { } id ? await db.Units.Where(u => u.Id == id).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "/none/" : null;

    private static IReadOnlyList<CitizenView> Masked(CitizenRecord r, PersonalDataProtector protector) =>
        r.Citizens.OrderBy(c => c.Position).Select(c => CitizenView.Of(c, personal: false, protector)).ToList();

    private static Denial? Deny(Permissions permissions, UserScope scope, string action, OrgUnit? unit, string what, object id) =>
        unit is null ? new Denial(Missing(what, id), null)
        : permissions.Decide(scope, action, Target.Unit(unit)) switch
        {
            AccessOutcome.NotFound => new Denial(Missing(what, id), null),
            AccessOutcome.Forbidden => new Denial(null, new ForbiddenProblem($"Your role may not do '{action}' here.")),
            _ => null,
        };

    private static NotFoundProblem Missing(string what, object id) => new($"There is no {what} {id} that you may see.");

    private static IReadOnlyDictionary<string, object?> Json(IReadOnlyDictionary<string, DanVan.Statistics.IndicatorValue> values) =>
        values.ToDictionary(v => v.Key, v => (object?)DanVan.Statistics.IndicatorJson.Write(v.Value), StringComparer.Ordinal);

    private static CitizenItem Item(CitizenView c) => new(c.Name, c.IdNumber, c.Address, c.Phone, c.Masked);

    private static ReceptionView View(Reception r, IReadOnlyList<CitizenView> citizens) => new(
        r.Id, r.Key, UnitRef.From(r.Unit!), r.ReceivedOn, r.Place, RegistryTerms.Code(r.Kind), r.ReceivedByName, r.ReceivedByPosition, r.ByHead,
        r.VisitorCount, r.IsDelegation, citizens.Select(Item).ToList(), r.Summary, r.Field, RegistryTerms.Code(r.MatterKind), RegistryTerms.Code(r.Outcome),
        r.CaseId, r.Version, r.AnonymisedAt is not null);

    private static PetitionView View(Petition r, IReadOnlyList<CitizenView> citizens, DateOnly today) => new(
        r.Id, r.Key, UnitRef.From(r.Unit!), r.ReceivedOn, RegistryTerms.Code(r.Channel), r.PetitionerCount, citizens.Select(Item).ToList(),
        RegistryTerms.Code(r.MatterKind), r.Field, r.Summary, r.WithinCompetence, r.Escalated, RegistryTerms.Code(r.Handling), r.AcceptedOn, r.DueOn,
        r.IsOverdue(today), r.ResolvedOn, r.Result, r.CaseId, r.Version, r.AnonymisedAt is not null);

    private static DialogueView View(Dialogue d) => new(d.Id, UnitRef.From(d.Unit!), d.HeldOn, d.ChairedBy, d.ByHead, d.Participants, d.Topics, d.MattersRaised,
        d.FollowUps.OrderBy(f => f.Position).Select(f => new FollowUpInput(f.Item, f.Owner, f.DueOn, f.Done)).ToList(), d.Version);

    private static DecisionView View(DuplicateDecision d) => new(d.Id, d.LeftKey, d.RightKey, d.Merged, d.CaseId, d.Probability, d.DecidedBy, d.DecidedAt, d.UndoneAt);

    private static async Task<CaseView> ViewAsync(DanVanDbContext db, CitizenCase c, CancellationToken ct)
    {
        var keys = (await db.Receptions.Where(r => r.CaseId == c.Id).Select(r => r.Id).ToListAsync(ct)).Select(i => "R:" + i)
            .Concat((await db.Petitions.Where(r => r.CaseId == c.Id).Select(r => r.Id).ToListAsync(ct)).Select(i => "P:" + i)).ToList();
        return new CaseView(c.Id, UnitRef.From(c.Unit!), c.Title, c.Status, c.Result, c.ResolvedOn, keys, c.Version);
    }

    private sealed record Denial(NotFoundProblem? NotFound, ForbiddenProblem? Forbidden)
    {
        public Results<Created<T>, NotFoundProblem, ForbiddenProblem, RefusedProblem> AsCreate<T>() => NotFound is not null ? NotFound : Forbidden!;

        public Results<Ok<T>, NotFoundProblem, ForbiddenProblem, RefusedProblem, PreconditionRequiredProblem> AsChange<T>() => NotFound is not null ? NotFound : Forbidden!;

        public Results<Ok<CaseView>, NotFoundProblem, ForbiddenProblem, RefusedProblem> AsCase() => NotFound is not null ? NotFound : Forbidden!;

        public Results<Ok<DecisionView>, NotFoundProblem, ForbiddenProblem, RefusedProblem> AsDecision() => NotFound is not null ? NotFound : Forbidden!;

        public Results<Ok<RegistrySettingsBody>, NotFoundProblem, ForbiddenProblem, RefusedProblem> AsSettings() => NotFound is not null ? NotFound : Forbidden!;
    }
}
