namespace Jixiao.Infrastructure.Audit;

/// <summary>
/// One line of the audit log (审计日志): who did what to which record, when, from which unit and
/// address, with each changed field old → new. Append-only: the product offers no way to change
/// or delete an entry, the interceptor refuses it, and a database trigger refuses it too.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC time of the change.</summary>
    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string UserName { get; set; } = string.Empty;

    public string UserDisplayName { get; set; } = string.Empty;

    public int? UnitId { get; set; }

    public string? UnitName { get; set; }

    public string? IpAddress { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>CLR name of the entity, e.g. "Unit".</summary>
    public string EntityType { get; set; } = string.Empty;

    /// <summary>Chinese name of the entity, e.g. "单位".</summary>
    public string EntityName { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>JSON object: field → {"old": …, "new": …}; personal data masked.</summary>
    public string Changes { get; set; } = "{}";

    /// <summary>A sentence for events that are not field changes (sign-in, commands).</summary>
    public string? Note { get; set; }

    /// <summary>
    /// A line by the current user about a record: its field changes (the audit interceptor), or an event that changes
    /// no field, told in <paramref name="note"/> (e.g. a document generated from it).
    /// </summary>
    public static AuditEntry Event(Scope.CurrentUser user, DateTime at, AuditAction action, string entityType, string entityName, string entityId, string? note, string changes = "{}")
    {
        ArgumentNullException.ThrowIfNull(user);
        return new AuditEntry
        {
            At = at,
            UserId = user.UserId,
            UserName = user.UserName,
            UserDisplayName = user.DisplayName,
            UnitId = user.UnitId,
            UnitName = user.UnitName,
            IpAddress = user.IpAddress,
            Action = action,
            EntityType = entityType,
            EntityName = entityName,
            EntityId = entityId,
            Changes = changes,
            Note = note is { Length: > 500 } ? note[..500] : note,
        };
    }
}

public enum AuditAction
{
    Insert = 1,
    Update = 2,
    Delete = 3,
    SignIn = 10,
    SignInFailed = 11,
    SignOut = 12,
    LockedOut = 13,
    PasswordChanged = 14,

    /// <summary>A document was generated from a record (e.g. a notice of a reconsideration case).</summary>
    DocumentGenerated = 20,
}

public static class AuditActionNames
{
    public static string Of(AuditAction action) => action switch
    {
        AuditAction.Insert => "新增",
        AuditAction.Update => "修改",
        AuditAction.Delete => "删除",
        AuditAction.SignIn => "登录",
        AuditAction.SignInFailed => "登录失败",
        AuditAction.SignOut => "退出",
        AuditAction.LockedOut => "账号锁定",
        AuditAction.PasswordChanged => "修改密码",
        AuditAction.DocumentGenerated => "生成文书",
        _ => action.ToString(),
    };
}
