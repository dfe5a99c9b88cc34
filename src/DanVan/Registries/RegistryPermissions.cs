using DanVan.Accounts;
using DanVan.Accounts.Permissions;

namespace DanVan.Registries;

/// <summary>The registries' actions and who may do them; registered into <see cref="Permissions"/>.</summary>
/// <remarks>Personal data (Nghị định 13/2023/NĐ-CP) is read only by the unit that recorded it and by registry clerks whose
/// scope covers it; everyone else who reads the unit sees counts and masked values.</remarks>
public sealed class RegistryPermissions : IPermissionSet
{
    /// <summary>Reads a unit's registries with personal data masked, and their figures.</summary>
    public const string Read = "registries.read";

    /// <summary>Reads citizens' names, ID numbers, addresses and phones (every read is logged).</summary>
    public const string ReadPersonal = "registries.readPersonal";

    /// <summary>Records, edits and imports a unit's registry records.</summary>
    public const string Record = "registries.record";

    /// <summary>Confirms or rejects suggested duplicates, undoes a merge, edits cases (registry clerk covering both records).</summary>
    public const string Merge = "registries.merge";

    /// <summary>Changes a province's registry settings and anonymises records past the retention.</summary>
    public const string Manage = "registries.manage";

    /// <summary>Records, edits and imports a unit's work registries ("Dân vận khéo" models, work plans, the Front's recommendations);
    /// the province's coordinators also record them for the units they follow.</summary>
    public const string WorkRecord = "registries.work.record";

    private static readonly Role[] Readers =
        [Role.Administrator, Role.Coordinator, Role.Inspector, Role.Viewer, Role.UnitUser, Role.UnitHead, Role.RegistryClerk];

    /// <inheritdoc />
    public void Register(PermissionCatalog catalog) => catalog
        .Add(Read, Grants.Of(Reach.Unit, Readers))
        .Add(ReadPersonal, Grants.Of(Reach.ExactUnit, Grants.UnitMembers), Grants.Of(Reach.Unit, Role.RegistryClerk))
        .Add(Record, Grants.Of(Reach.ExactUnit, Grants.UnitMembers), Grants.Of(Reach.Unit, Role.RegistryClerk))
        .Add(WorkRecord, Grants.Of(Reach.ExactUnit, Grants.UnitMembers), Grants.Of(Reach.Unit, Role.RegistryClerk), Grants.Of(Reach.Unit, Grants.Coordinators))
        .Add(Merge, Grants.Of(Reach.Unit, Role.RegistryClerk))
        .Add(Manage, Grants.Of(Reach.Unit, Role.RegistryClerk), Grants.Of(Reach.Unit, Grants.Coordinators));
}
