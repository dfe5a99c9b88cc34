using Microsoft.AspNetCore.Identity;

namespace DanVan.Accounts;

/// <summary>Roles; every role is held within a scope unit.</summary>
public enum Role
{
    /// <summary>Quản trị hệ thống.</summary>
    Administrator = 1,

    /// <summary>Cán bộ tổng hợp: acts for the scope unit and every unit below it.</summary>
    Coordinator = 2,

    /// <summary>Cán bộ đơn vị: enters the unit's data.</summary>
    UnitUser = 3,

    /// <summary>Thủ trưởng đơn vị: confirms the unit's submission.</summary>
    UnitHead = 4,

    /// <summary>Thành viên đoàn kiểm tra.</summary>
    Inspector = 5,

    /// <summary>Lãnh đạo, Ban Dân vận: reads within the scope.</summary>
    Viewer = 6,

    /// <summary>Cán bộ tiếp công dân, xử lý đơn: keeps the citizen registries of the unit and every unit below it, personal data included.</summary>
    RegistryClerk = 7,
}

/// <summary>A local account.</summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>Full name shown in the audit trail.</summary>
    public string FullName { get; set; } = "";

    /// <summary>Roles within scopes.</summary>
    public List<RoleAssignment> Roles { get; } = [];
}

/// <summary>A role held within a scope unit (the unit and, for coordinators, viewers and inspectors, all below it).</summary>
public sealed class RoleAssignment
{
    /// <summary>Database id.</summary>
    public int Id { get; set; }

    /// <summary>The account.</summary>
    public required string UserId { get; set; }

    /// <summary>The role.</summary>
    public Role Role { get; set; }

    /// <summary>The scope unit; null for administrators of the whole system.</summary>
    public int? ScopeUnitId { get; set; }
}
