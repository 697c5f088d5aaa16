using Jixiao.Domain;
using Jixiao.Domain.Organization;

namespace Jixiao.Infrastructure.Scope;

/// <summary>
/// Who is acting, from which unit and address, and which units they may see. One instance per
/// request, circuit or command; set once the caller is known, read by the database context (the
/// scope query filter and the audit interceptor) and by handlers (role checks).
/// </summary>
public sealed class CurrentUser
{
    private static readonly int[] NoUnits = [];

    public string? UserId { get; private set; }

    public string UserName { get; private set; } = "匿名";

    public string DisplayName { get; private set; } = "匿名用户";

    public int? UnitId { get; private set; }

    public string? UnitName { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public string? IpAddress { get; private set; }

    public bool IsAuthenticated { get; private set; }

    /// <summary>True for roles that read every unit (财政审核人, 系统管理员) and for the command line.</summary>
    public bool ReadsAllUnits { get; private set; }

    /// <summary>The units of the user's scope: their unit and every unit below it.</summary>
    public int[] ScopeUnitIds { get; private set; } = NoUnits;

    /// <summary>The command line and background work: every unit, every role.</summary>
    public static CurrentUser System(string name = "命令行") => new()
    {
        UserName = "system",
        DisplayName = name,
        Roles = [.. Domain.Organization.Roles.All.Select(r => r.Name)],
        IsAuthenticated = true,
        ReadsAllUnits = true,
        IpAddress = "127.0.0.1",
    };

    /// <summary>
    /// A citizen or enterprise on the public pages (网上申请): not signed in and without any role, so no
    /// handler that checks roles lets it act; it sees every unit only so that the public handlers can
    /// place an application with the body the applicant chose. The audit log records it as
    /// 网上申请人（公众） with the client's address.
    /// </summary>
    public static CurrentUser PublicApplicant(string? ipAddress) => new()
    {
        UserName = "public",
        DisplayName = "网上申请人（公众）",
        Roles = [],
        IsAuthenticated = false,
        ReadsAllUnits = true,
        IpAddress = ipAddress,
    };

    /// <summary>Makes this request's or command's user the system (command line, background work).</summary>
    public void ActAsSystem(string name)
    {
        var system = System(name);
        UserId = null;
        UserName = system.UserName;
        DisplayName = system.DisplayName;
        UnitId = null;
        UnitName = null;
        Roles = system.Roles;
        IsAuthenticated = true;
        ReadsAllUnits = true;
        ScopeUnitIds = NoUnits;
        IpAddress = system.IpAddress;
    }

    public void SignIn(string userId, string userName, string displayName, int unitId, string? unitName,
        IReadOnlyList<string> roles, UnitTree tree, string? ipAddress)
    {
        ArgumentNullException.ThrowIfNull(tree);
        UserId = userId;
        UserName = userName;
        DisplayName = displayName;
        UnitId = unitId;
        UnitName = unitName;
        Roles = roles;
        IpAddress = ipAddress;
        IsAuthenticated = true;
        ReadsAllUnits = Domain.Organization.Roles.AnyReadsAllUnits(roles);
        ScopeUnitIds = ReadsAllUnits ? NoUnits : [.. tree.Subtree(unitId)];
    }

    public void SignOut(string? ipAddress)
    {
        UserId = null;
        UserName = "匿名";
        DisplayName = "匿名用户";
        UnitId = null;
        UnitName = null;
        Roles = [];
        IsAuthenticated = false;
        ReadsAllUnits = false;
        ScopeUnitIds = NoUnits;
        IpAddress = ipAddress;
    }

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);

    public bool MayRead(Area area) => Domain.Organization.Roles.MayRead(Roles, area);

    public bool MayWrite(Area area) => Domain.Organization.Roles.MayWrite(Roles, area);

    /// <summary>True when the unit lies in the user's data scope.</summary>
    public bool Sees(int unitId) => ReadsAllUnits || ScopeUnitIds.Contains(unitId);

    /// <summary>Refuses the operation unless the user has the role (and may write in its area).</summary>
    public void RequireRole(string role, Area area, string what)
    {
        Require(area, write: true);
        if (!IsInRole(role))
        {
            throw new ForbiddenException($"只有{Domain.Organization.Roles.DisplayName(role)}可以{what}。");
        }
    }

    /// <summary>Refuses the operation unless the user's roles allow reading (or writing) in the area.</summary>
    public void Require(Area area, bool write = false)
    {
        if (!IsAuthenticated)
        {
            throw new ForbiddenException("请先登录。");
        }

        if (write ? !MayWrite(area) : !MayRead(area))
        {
            throw new ForbiddenException($"您的角色无权{(write ? "修改" : "查看")}“{Domain.Organization.Roles.AreaName(area)}”的数据。");
        }
    }
}

/// <summary>The user's role or data scope does not allow the operation.</summary>
public sealed class ForbiddenException(string message) : DomainException(message);
