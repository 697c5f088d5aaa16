using Jixiao.Domain.Organization;
using Jixiao.Domain.Privacy;
using Jixiao.Features.Common;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Documents;
using Jixiao.Infrastructure.Scope;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Features.Users;

public sealed record UserRow(string Id, string UserName, string DisplayName, int UnitId, string UnitCode, string UnitName,
    IReadOnlyList<string> Roles, string? Phone, bool IsDisabled, bool IsLockedOut, DateTime CreatedAt, DateTime? LastSignInAt)
{
    public string RoleNames => string.Join("、", Roles.Select(Domain.Organization.Roles.DisplayName));

    public string Status => IsDisabled ? "已停用" : IsLockedOut ? "已锁定" : "正常";
}

/// <summary>Users of the units in the administrator's scope, filtered, sorted and paged; also as Excel.</summary>
public sealed class ListUsers(IDbContextFactory<JixiaoDbContext> dbFactory, CurrentUser user, TimeProvider clock)
{
    public sealed record Query(string? Text = null, string? UnitCode = null, string? Role = null, bool? Disabled = null);

    public async Task<Paged<UserRow>> HandleAsync(Query query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        user.Require(Area.Administration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var filtered = Filter(db, query);
        var total = await filtered.CountAsync(cancellationToken);
        var sorted = (page.SortBy, page.Descending) switch
        {
            ("DisplayName", false) => filtered.OrderBy(u => u.DisplayName),
            ("DisplayName", true) => filtered.OrderByDescending(u => u.DisplayName),
            ("Unit", false) => filtered.OrderBy(u => u.UnitId).ThenBy(u => u.UserName),
            ("Unit", true) => filtered.OrderByDescending(u => u.UnitId).ThenBy(u => u.UserName),
            ("CreatedAt", false) => filtered.OrderBy(u => u.CreatedAt),
            ("CreatedAt", true) => filtered.OrderByDescending(u => u.CreatedAt),
            (_, true) => filtered.OrderByDescending(u => u.UserName),
            _ => filtered.OrderBy(u => u.UserName),
        };
        var rows = await Project(db, sorted.Page(page)).ToListAsync(cancellationToken);
        return new Paged<UserRow>(rows.Select(Finish).ToList(), total, page.SafePage, page.SafePageSize);
    }

    public async Task<byte[]> ExportAsync(Query query, CancellationToken cancellationToken = default)
    {
        user.Require(Area.Administration);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = (await Project(db, Filter(db, query).OrderBy(u => u.UnitId).ThenBy(u => u.UserName)).ToListAsync(cancellationToken)).Select(Finish).ToList();
        return Xlsx.Write(rows,
        [
            ("用户名", r => r.UserName),
            ("姓名", r => r.DisplayName),
            ("单位代码", r => r.UnitCode),
            ("单位", r => r.UnitName),
            ("角色", r => r.RoleNames),
            ("手机号", r => r.Phone),
            ("状态", r => r.Status),
            ("创建时间", r => r.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm")),
            ("最近登录", r => r.LastSignInAt?.ToLocalTime().ToString("yyyy-MM-dd HH:mm")),
        ], "用户");
    }

    private IQueryable<Infrastructure.Identity.AppUser> Filter(JixiaoDbContext db, Query query)
    {
        // Users carry no query filter (sign-in must find them), so the scope is applied here through the
        // scoped Units set: a user is listed only when their unit is visible.
        var users = db.Users.AsNoTracking().Where(u => db.Units.Any(x => x.Id == u.UnitId));
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            users = users.Where(u => u.UserName!.Contains(text) || u.DisplayName.Contains(text));
        }

        if (!string.IsNullOrWhiteSpace(query.UnitCode))
        {
            users = users.Where(u => db.Units.Any(x => x.Id == u.UnitId && x.Code == query.UnitCode));
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            var roleId = db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleId.Contains(ur.RoleId)));
        }

        if (query.Disabled is { } disabled)
        {
            users = users.Where(u => u.IsDisabled == disabled);
        }

        return users;
    }

    private static IQueryable<RawUser> Project(JixiaoDbContext db, IQueryable<Infrastructure.Identity.AppUser> users) =>
        users.Select(u => new RawUser(
            u.Id, u.UserName!, u.DisplayName, u.UnitId,
            db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Code).First(),
            db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Name).First(),
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            u.PhoneNumber, u.IsDisabled, u.LockoutEnd, u.CreatedAt, u.LastSignInAt));

    private UserRow Finish(RawUser u) => new(
        u.Id, u.UserName, u.DisplayName, u.UnitId, u.UnitCode, u.UnitName, u.Roles,
        // Phone numbers of colleagues are personal data: administrators see them masked.
        Masking.MaskPhone(u.Phone), u.IsDisabled, u.LockoutEnd is { } end && end > clock.GetUtcNow(), u.CreatedAt, u.LastSignInAt);

    private sealed record RawUser(string Id, string UserName, string DisplayName, int UnitId, string UnitCode, string UnitName,
        List<string> Roles, string? Phone, bool IsDisabled, DateTimeOffset? LockoutEnd, DateTime CreatedAt, DateTime? LastSignInAt);
}
