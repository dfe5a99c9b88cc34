using DanVan.OrgUnits;
using DanVan.Refusals;
using DanVan.Registries;
using DanVan.Statistics;
using DanVan.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace DanVan.Tests.Registries;

/// <summary>The citizen registries stored: rules, encrypted ID numbers, figures in SQL, cases merged and undone, anonymisation.</summary>
public abstract class CitizenRegistryTests(TestDatabase db) : DatabaseTest(db)
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly DateTime Now = new(2022, 12, 20, 3, 0, 0, DateTimeKind.Utc);
    private static readonly PersonalDataProtector Protector = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly RegistryActor Clerk = new("tiepdan", Now, Zone, Protector);
    private readonly TestDatabase _db = db;
    private (OrgUnit Province, OrgUnit District, OrgUnit Commune) _w;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = _db.NewContext();
        var p = new OrgUnit { Code = "T", Name = "Tỉnh Quảng Bình", Kind = OrgUnitKind.Province };
        var d = new OrgUnit { Code = "H", Name = "Huyện Lệ Thủy", Kind = OrgUnitKind.District, Parent = p };
        var c = new OrgUnit { Code = "X", Name = "Xã Mai Thủy", Kind = OrgUnitKind.Commune, Parent = d, ValidFrom = new DateOnly(2020, 1, 1) };
        db.AddRange(p, d, c);
        await db.SaveChangesAsync();
        _w = (p, d, c);
    }

    private static ReceptionInput Reception(DateOnly on, string kind = "định kỳ", int? count = null, bool? delegation = null, params CitizenInput[] visitors) => new()
    {
        ReceivedOn = on, Kind = kind, ReceivedByName = "Trần Văn Bình", ReceivedByPosition = "Chủ tịch UBND", ByHead = true, VisitorCount = count,
        IsDelegation = delegation, Visitors = visitors, Summary = "Đề nghị cấp giấy chứng nhận quyền sử dụng đất", Field = "Đất đai",
        MatterKind = "kiến nghị", Outcome = "hướng dẫn",
    };

    private async Task<Reception> Record(ReceptionInput input, OrgUnit? unit = null)
    {
        await using var db = _db.NewContext();
        var u = await db.Units.SingleAsync(x => x.Id == (unit ?? _w.Province).Id);
        return await ReceptionLog.RecordAsync(db, u, input, Clerk);
    }

    [Fact]
    public async Task Should_store_the_ID_number_encrypted_and_matchable_only_through_its_keyed_hash()
    {
        var r = await Record(Reception(new DateOnly(2022, 3, 1), visitors: new CitizenInput("Nguyễn Văn An", "044 190 001 234", "thôn 3, xã Mai Thủy", "0912 345 678")));
        await using var db = _db.NewContext();
        var stored = await db.Receptions.Include(x => x.Citizens).SingleAsync(x => x.Id == r.Id);
        var c = stored.Citizens.Single();
        c.IdNumberCipher.ShouldNotBeNull().ShouldNotContain("044190001234");
        Protector.Decrypt(c.IdNumberCipher).ShouldBe("044190001234");
        c.IdNumberHash.ShouldBe(Protector.Hash("044190001234"));
        CitizenView.Of(c, personal: false, Protector).ShouldBe(new CitizenView("N. V. A.", "*********234", "***, xã Mai Thủy", "*******678", true));
        (await db.Audit.SingleAsync(a => a.Action == "reception.record")).NewValue.ShouldNotBeNull().ShouldNotContain("Nguyễn");
    }

    [Fact]
    public async Task Should_refuse_a_bad_reception_with_every_problem_located_and_no_personal_data_in_the_refusal()
    {
        await using var db = _db.NewContext();
        var unit = await db.Units.SingleAsync(x => x.Id == _w.Commune.Id);
        var input = Reception(new DateOnly(2019, 5, 1), kind: "hằng tuần", count: 3, delegation: true,
            new CitizenInput("Lê Thị Hoa", "12345"), new CitizenInput("Lê Văn Nam"));
        var ex = await Should.ThrowAsync<RefusedException>(() => ReceptionLog.RecordAsync(db, unit, input, Clerk));
        ex.Refusals.Select(r => (r.Code, r.Where.Key)).ShouldBe(
        [
            ("registries.beforeUnitExisted", "receivedOn"), ("registries.unknownTerm", "kind"),
            ("registries.idNumberShape", "visitors[1].idNumber"), ("registries.delegationUnderThreshold", "isDelegation"),
        ], ignoreOrder: true);
        string.Join(" ", ex.Refusals.Select(r => RefusalText.Render(r, RefusalText.Vietnamese))).ShouldNotContain("12345");
        (await _db.NewContext().Receptions.CountAsync()).ShouldBe(0);
        var future = await Should.ThrowAsync<RefusedException>(() => ReceptionLog.RecordAsync(db, unit, Reception(new DateOnly(2023, 1, 5)), Clerk));
        future.Code.ShouldBe("registries.dateInFuture");
    }

    [Fact]
    public async Task Should_take_the_delegation_threshold_in_force_on_the_day()
    {
        await using (var db = _db.NewContext())
            await RegistrySettings.SetAsync(db, await db.Units.SingleAsync(u => u.Id == _w.Province.Id), new DateOnly(2023, 1, 1), 4, 5, "snv", Now);
        (await Record(Reception(new DateOnly(2022, 6, 1), count: 4))).IsDelegation.ShouldBeFalse();
        var clerk2023 = Clerk with { At = new DateTime(2023, 6, 1, 3, 0, 0, DateTimeKind.Utc) };
        await using var db2 = _db.NewContext();
        var r = await ReceptionLog.RecordAsync(db2, await db2.Units.SingleAsync(u => u.Id == _w.Commune.Id), Reception(new DateOnly(2023, 3, 1), count: 4), clerk2023);
        r.IsDelegation.ShouldBeTrue();
    }

    [Fact]
    public async Task Should_count_visits_people_and_matters_after_merging_and_undoing_a_duplicate()
    {
        var a = await Record(Reception(new DateOnly(2022, 2, 1), count: 6));
        var b = await Record(Reception(new DateOnly(2022, 5, 1), count: 6), _w.Commune);
        await Record(Reception(new DateOnly(2022, 5, 2), kind: "thường xuyên", count: 1), _w.District);
        var scope = new FigureScope(_w.Province.Path, true, new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));
        await using var db = _db.NewContext();
        (await CitizenFigures.ReceptionsAsync(db, scope)).ShouldSatisfyAllConditions(
            f => f.Total.ShouldBe(new VisitCount(3, 13)), f => f.Matters.ShouldBe(3), f => f.Delegations.ShouldBe(2), f => f.DelegationMatters.ShouldBe(2));

        var decision = await Cases.MergeAsync(db, (await Cases.FindAsync(db, a.Key))!, (await Cases.FindAsync(db, b.Key))!, 0.97, "tiepdan", Now);
        (await CitizenFigures.ReceptionsAsync(_db.NewContext(), scope)).ShouldSatisfyAllConditions(f => f.Matters.ShouldBe(2), f => f.DelegationMatters.ShouldBe(1));
        var (ra, rb) = ((await Cases.FindAsync(db, a.Key))!, (await Cases.FindAsync(db, b.Key))!);
        (await Should.ThrowAsync<RefusedException>(() => Cases.RejectAsync(db, ra, rb, 0.9, "x", Now))).Code.ShouldBe("registries.alreadyDecided");
        var caseUnit = await _db.NewContext().CitizenCases.Select(c => c.UnitId).SingleAsync();
        caseUnit.ShouldBe(_w.Province.Id);

        await using var db2 = _db.NewContext();
        await Cases.UndoAsync(db2, await db2.DuplicateDecisions.SingleAsync(d => d.Id == decision.Id), "tiepdan", Now);
        (await CitizenFigures.ReceptionsAsync(_db.NewContext(), scope)).Matters.ShouldBe(3);
        (await _db.NewContext().CitizenCases.CountAsync()).ShouldBe(0);
        (await _db.NewContext().Audit.Where(x => x.Action.StartsWith("case.")).Select(x => x.Action).ToListAsync()).ShouldBe(["case.merge", "case.unmerge"], ignoreOrder: true);
    }

    [Fact]
    public async Task Should_remember_not_the_same()
    {
        var a = await Record(Reception(new DateOnly(2022, 2, 1)));
        var b = await Record(Reception(new DateOnly(2022, 2, 3)));
        await using var db = _db.NewContext();
        await Cases.RejectAsync(db, (await Cases.FindAsync(db, b.Key))!, (await Cases.FindAsync(db, a.Key))!, 0.8, "tiepdan", Now);
        (await Cases.DecidedPairsAsync(db)).ShouldContain(Cases.Pair(a.Key, b.Key));
    }

    [Fact]
    public async Task Should_compute_the_due_date_from_the_time_limit_table_and_count_resolution_and_overdue()
    {
        await using var db = _db.NewContext();
        var unit = await db.Units.SingleAsync(u => u.Id == _w.District.Id);
        PetitionInput P(string kind, bool within, DateOnly? resolved) => new()
        {
            ReceivedOn = new DateOnly(2022, 10, 1), Channel = "bưu chính", MatterKind = kind, Summary = "Tranh chấp đất", WithinCompetence = within,
            Handling = "thụ lý", AcceptedOn = new DateOnly(2022, 10, 5), ResolvedOn = resolved, Petitioners = [new CitizenInput("Phạm Văn Cường")],
        };
        var complaint = await PetitionLog.RecordAsync(db, unit, P("khiếu nại", true, null), Clerk, new TimeLimitTable());
        complaint.DueOn.ShouldBe(new DateOnly(2022, 11, 4));
        complaint.IsOverdue(new DateOnly(2022, 12, 20)).ShouldBeTrue();
        await PetitionLog.RecordAsync(db, unit, P("tố cáo", true, new DateOnly(2022, 10, 20)), Clerk, new TimeLimitTable());
        await PetitionLog.RecordAsync(db, unit, P("kiến nghị", false, null) with { Escalated = true, Handling = "chuyển đơn", AcceptedOn = null }, Clerk, new TimeLimitTable());
        var f = await CitizenFigures.PetitionsAsync(db, new FigureScope(_w.Province.Path, true, new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)));
        f.ShouldSatisfyAllConditions(x => x.Received.ShouldBe(3), x => x.WithinCompetence.ShouldBe(2), x => x.Resolved.ShouldBe(1),
            x => x.Escalated.ShouldBe(1), x => x.Overdue.ShouldBe(1), x => x.ResolutionRate.ShouldBe(new RatioValue(1, 2)));
        var refused = await Should.ThrowAsync<RefusedException>(() => PetitionLog.RecordAsync(db, unit, P("khiếu nại", true, null) with { AcceptedOn = null }, Clerk, new TimeLimitTable()));
        refused.Code.ShouldBe("registries.acceptedOnRequired");
    }

    [Fact]
    public async Task Should_refuse_a_stale_edit_and_keep_the_other_persons_change()
    {
        var r = await Record(Reception(new DateOnly(2022, 2, 1)));
        await using (var db = _db.NewContext())
        {
            var x = await db.Receptions.Include(y => y.Unit).Include(y => y.Citizens).SingleAsync(y => y.Id == r.Id);
            await ReceptionLog.UpdateAsync(db, x, Reception(new DateOnly(2022, 2, 2)), Clerk, expectedVersion: 0);
        }
        await using var db2 = _db.NewContext();
        var again = await db2.Receptions.Include(y => y.Unit).Include(y => y.Citizens).SingleAsync(y => y.Id == r.Id);
        (await Should.ThrowAsync<RefusedException>(() => ReceptionLog.UpdateAsync(db2, again, Reception(new DateOnly(2022, 2, 9)), Clerk, expectedVersion: 0)))
            .Code.ShouldBe("registries.staleVersion");
        (await _db.NewContext().Receptions.SingleAsync()).ReceivedOn.ShouldBe(new DateOnly(2022, 2, 2));
    }

    [Fact]
    public async Task Should_anonymise_records_past_the_retention_and_keep_their_counts()
    {
        await Record(Reception(new DateOnly(2016, 2, 1), count: 2, visitors: new CitizenInput("Hoàng Văn Em", "044190001234", "Đồng Hới", "0912345678")));
        await Record(Reception(new DateOnly(2022, 2, 1), visitors: new CitizenInput("Võ Thị Gấm")));
        await using var db = _db.NewContext();
        (await PersonalDataAccess.AnonymiseAsync(db, _w.Province.Path, new DateOnly(2017, 12, 20), "snv", Now)).ShouldBe(1);
        var all = await _db.NewContext().Receptions.Include(r => r.Citizens).OrderBy(r => r.ReceivedOn).ToListAsync();
        all[0].Citizens.Single().ShouldSatisfyAllConditions(c => c.Name.ShouldBeNull(), c => c.IdNumberCipher.ShouldBeNull(), c => c.Phone.ShouldBeNull());
        all[0].VisitorCount.ShouldBe(2);
        all[1].Citizens.Single().Name.ShouldBe("Võ Thị Gấm");
        (await _db.NewContext().Audit.CountAsync(a => a.Action == "personal.anonymise")).ShouldBe(1);
    }

    [Fact]
    public void Should_word_every_registries_code_in_both_languages()
    {
        foreach (var code in new[] { "registries.unknownTerm", "registries.dateInFuture", "registries.beforeUnitExisted", "registries.idNumberShape",
                     "registries.phoneShape", "registries.countTooSmall", "registries.delegationUnderThreshold", "registries.unknownCase", "registries.staleVersion",
                     "registries.acceptedOnRequired", "registries.beforeReceived", "registries.resolvedNotAccepted", "registries.thresholdTooSmall",
                     "registries.retentionTooShort", "registries.alreadyUndone", "registries.undoLaterFirst", "registries.resolvedOnRequired",
                     "registries.sameRecord", "registries.alreadyDecided" })
            RefusalText.Knows(code).ShouldBeTrue(code);
    }
}

[Collection<SqliteDb>]
public sealed class SqliteCitizenRegistryTests(SqliteDatabase db) : CitizenRegistryTests(db);

[Collection<PostgresDb>]
public sealed class PostgresCitizenRegistryTests(PostgresDatabase db) : CitizenRegistryTests(db);
