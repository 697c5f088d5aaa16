using Jixiao.Infrastructure.Audit;
using Jixiao.Infrastructure.Data;
using Jixiao.Infrastructure.Scope;

namespace Jixiao.Features.Audit;

/// <summary>Writes sign-in, sign-out, lockout and password events to the audit log.</summary>
public sealed class RecordSecurityEvent(JixiaoDbContextFactory dbFactory, TimeProvider clock)
{
    public async Task HandleAsync(AuditAction action, string userName, string? userId, string displayName, int? unitId, string? unitName, string? ipAddress, string note, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateSystemContext();
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserName = userName,
            UserDisplayName = displayName,
            UnitId = unitId,
            UnitName = unitName,
            IpAddress = ipAddress,
            Action = action,
            EntityType = "AppUser",
            EntityName = "用户",
            EntityId = userId ?? string.Empty,
            Note = note.Length > 500 ? note[..500] : note,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
